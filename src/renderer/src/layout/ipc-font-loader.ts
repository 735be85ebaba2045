import { type FontLoader } from '../../../core/fonts';
import { fontUrlPath } from '../../../preload/api';

/**
 * The renderer's FontLoader: font bytes come from the main process, which owns the disk, fetched from the
 * renderer's own origin as binary (src/main/ipc/font-route.ts).
 */
export class IpcFontLoader implements FontLoader {
  constructor(private readonly fetchBytes: (url: string) => Promise<Response> = (url) => fetch(url)) {}

  async load(file: string): Promise<Uint8Array> {
    let res: Response;
    try {
      res = await this.fetchBytes(fontUrlPath(file));
    } catch (e) {
      throw new Error(`无法载入字体 ${file}：${(e as Error).message}`);
    }
    if (!res.ok) throw new Error(`无法载入字体 ${file}：${(await res.text()) || `HTTP ${res.status}`}`);
    return new Uint8Array(await res.arrayBuffer());
  }
}
