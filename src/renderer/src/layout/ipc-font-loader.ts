// From the loader module itself, not core/fonts: the app's first script prefetches through this file and must not pull in fontkit.
import { parseFontFile, type FontLoader } from '../../../core/fonts/loader';
import { decodeFontBatch, FONT_BATCH_MAX, fontBatchUrlPath, fontUrlPath } from '../../../preload/api';

interface Waiting {
  file: string;
  resolve(bytes: Uint8Array): void;
  reject(e: Error): void;
}

/**
 * A whole-file family (LXGW WenKai is 16 MB) comes on its own request, beside the batch: one stream of every
 * byte would wait for it, and its own request runs in parallel.
 */
const isWholeFile = (file: string): boolean => {
  try {
    const ref = parseFontFile(file);
    return ref.kind === 'file' || ref.slice === 'all';
  } catch {
    return true;
  }
};

/**
 * The renderer's FontLoader: font bytes come from the main process, which owns the disk, fetched from the
 * renderer's own origin as binary (src/main/ipc/font-route.ts). The loads asked for in one turn of the event
 * loop (a layout asks for all its fonts at once) go out together: the small slices in batches, each whole
 * file alone.
 */
export class IpcFontLoader implements FontLoader {
  private waiting: Waiting[] = [];

  constructor(private readonly fetchBytes: (url: string) => Promise<Response> = (url) => fetch(url)) {}

  load(file: string): Promise<Uint8Array> {
    return takePrefetchedFont(file) ?? this.fetchFont(file);
  }

  /** Fetches `file` together with the other fonts asked for in this turn of the event loop. */
  fetchFont(file: string): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) queueMicrotask(() => this.flush());
      this.waiting.push({ file, resolve, reject });
    });
  }

  private flush(): void {
    const all = this.waiting;
    this.waiting = [];
    const batched = all.filter((w) => !isWholeFile(w.file));
    for (const w of all) if (isWholeFile(w.file)) void this.one(w);
    for (let i = 0; i < batched.length; i += FONT_BATCH_MAX) {
      const group = batched.slice(i, i + FONT_BATCH_MAX);
      void (group.length === 1 ? this.one(group[0]!) : this.batch(group));
    }
  }

  private async one(w: Waiting): Promise<void> {
    try {
      const res = await this.fetchBytes(fontUrlPath(w.file));
      if (!res.ok) throw new Error((await res.text()) || `HTTP ${res.status}`);
      w.resolve(new Uint8Array(await res.arrayBuffer()));
    } catch (e) {
      w.reject(failed(w.file, e));
    }
  }

  private async batch(group: Waiting[]): Promise<void> {
    try {
      const res = await this.fetchBytes(fontBatchUrlPath(group.map((w) => w.file)));
      if (!res.ok) throw new Error((await res.text()) || `HTTP ${res.status}`);
      const parts = decodeFontBatch(new Uint8Array(await res.arrayBuffer()), group.length);
      group.forEach((w, i) => {
        const p = parts[i]!;
        if (p.status === 200) w.resolve(p.bytes);
        else w.reject(failed(w.file, new Error(new TextDecoder().decode(p.bytes) || `HTTP ${p.status}`)));
      });
    } catch (e) {
      for (const w of group) w.reject(failed(w.file, e));
    }
  }
}

const failed = (file: string, e: unknown): Error => new Error(`无法载入字体 ${file}：${e instanceof Error ? e.message : String(e)}`);

// Fonts asked for before any layout (a session's hints: the files its first layout will load), fetched in one batch
// and handed to the first loader that asks for each.

const prefetched = new Map<string, Promise<Uint8Array>>();
let prefetcher: IpcFontLoader | null = null;
/** How long an answer nobody asked for is kept (a desk whose fonts were already parsed never takes it). */
const UNCLAIMED_MS = 60_000;

/** Starts fetching these font files; a hint a newer session does not name is dropped. */
export function prefetchFonts(files: readonly string[]): void {
  for (const f of prefetched.keys()) if (!files.includes(f)) prefetched.delete(f);
  prefetcher ??= new IpcFontLoader();
  for (const f of files) {
    if (prefetched.has(f)) continue;
    const p = prefetcher.fetchFont(f);
    p.catch(() => {}); // a failure is reported by the loader that takes it
    prefetched.set(f, p);
    setTimeout(() => prefetched.get(f) === p && prefetched.delete(f), UNCLAIMED_MS);
  }
}

/** A prefetched font, handed out once. */
export function takePrefetchedFont(file: string): Promise<Uint8Array> | undefined {
  const p = prefetched.get(file);
  prefetched.delete(file);
  return p;
}
