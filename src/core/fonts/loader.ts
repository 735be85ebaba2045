// Fonts reach core as bytes. The Node loader reads node_modules and the disk (src/main/fonts); the renderer
// fetches or asks over IPC. `file` is the FaceInfo.file string:
//   'fontsource:<package>/<weight>/<slice>'  one slice of a sliced family (noto-serif-sc, noto-sans-sc, and
//                                            lxgw-wenkai, whose slices the loader cuts from the whole file)
//   'fontsource:<package>/<weight>/all'      the whole file of a family fontsource ships unsliced (lxgw-wenkai)
//   'file:<absolute path>[#<index>]'        a newsroom font (TTF, OTF, TTC; index = face in a collection)
// Bytes may be WOFF2, WOFF, TTF, OTF or TTC: fontkit reads them all.

export interface FontLoader {
  load(file: string): Promise<Uint8Array>;
}

export type ParsedFile =
  | { readonly kind: 'fontsource'; readonly pkg: string; readonly weight: number; readonly slice: string }
  | { readonly kind: 'file'; readonly path: string; readonly index: number };

export function parseFontFile(file: string): ParsedFile {
  const fs = /^fontsource:([a-z0-9-]+)\/(\d{3})\/([a-z0-9-]+)$/.exec(file);
  if (fs) return { kind: 'fontsource', pkg: fs[1]!, weight: Number(fs[2]), slice: fs[3]! };
  const f = /^file:(.+?)(?:#(\d+))?$/.exec(file);
  if (f) return { kind: 'file', path: f[1]!, index: f[2] === undefined ? 0 : Number(f[2]) };
  throw new Error(`字体路径无法识别：${file}（应为 fontsource:<包>/<字重>/<分片> 或 file:<绝对路径>）`);
}

/** A newsroom font path with its collection index, in the form the loader and FaceInfo use. */
export function fileRef(path: string, index = 0): string {
  return index === 0 ? `file:${path}` : `file:${path}#${index}`;
}
