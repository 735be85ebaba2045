import { type FontLoader } from '../../../core/fonts';
import { type YebanApi } from '../../../preload/api';

/** Base64 (as the `font:load` channel sends it) to bytes, without Node's Buffer. */
export function base64ToBytes(base64: string): Uint8Array {
  // The browser's own decoder where it has one: a 16 MB font decodes in a few ms instead of a few hundred.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(base64);
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The renderer's FontLoader: font bytes come from the main process, which owns the disk. */
export class IpcFontLoader implements FontLoader {
  constructor(private readonly api: Pick<YebanApi, 'invoke'>) {}

  async load(file: string): Promise<Uint8Array> {
    const r = await this.api.invoke('font:load', { file });
    if (!r.ok) throw new Error(`无法载入字体 ${file}：${r.error.message}`);
    return base64ToBytes(r.value.base64);
  }
}
