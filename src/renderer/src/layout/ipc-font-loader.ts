import { parseFontFile, type FontLoader } from '../../../core/fonts/loader';
import { decodeFontBatch, FONT_BATCH_MAX, fontBatchUrlPath, fontUrlPath } from '../../../preload/api';

interface Waiting {
  file: string;
  resolve(bytes: Uint8Array): void;
  reject(e: Error): void;
}

/**
 * A whole file (a house font: tens of megabytes of Chinese) comes on its own request, beside the batch: one stream
 * of every byte would wait for it, and its own request runs in parallel.
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

  /** Fetches `file` together with the other fonts asked for in this turn of the event loop. */
  load(file: string): Promise<Uint8Array> {
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
