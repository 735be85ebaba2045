// Parsed font files, kept for the life of the process: an export parses each slice once, however many
// pages or exports use it (the bench's "fonts parsed" condition).
import { parseFontFile } from '../fonts/loader';
import { parseSfnt, type SfntFace } from './sfnt';

/** Gives font file bytes for a FaceInfo.file string; the Node loader in src/main/fonts fits this shape. */
export interface FontBytesLoader {
  load(file: string): Promise<Uint8Array>;
}

const faces = new Map<string, Promise<SfntFace>>();

export function loadFace(loader: FontBytesLoader, file: string): Promise<SfntFace> {
  let face = faces.get(file);
  if (!face) {
    // A TTC path names its face ('file:<path>#<index>'); the loader returns the whole collection.
    face = loader.load(file).then((bytes) => parseSfnt(bytes, collectionIndex(file)));
    // A failed load must not poison the cache: the next export retries.
    face.catch(() => faces.delete(file));
    faces.set(file, face);
  }
  return face;
}

function collectionIndex(file: string): number {
  try {
    const ref = parseFontFile(file);
    return ref.kind === 'file' ? ref.index : 0;
  } catch {
    return 0;
  }
}

/** For benches and tests that measure a cold start. */
export function clearFaceCache(): void {
  faces.clear();
}
