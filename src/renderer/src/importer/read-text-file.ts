/**
 * A correspondent's text file as a string: UTF-8 when it is valid UTF-8 (a BOM is dropped), otherwise
 * GB18030, which many Chinese Windows editors still save. A file that is neither is refused with its name.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new Error(`无法读取 ${name}：既不是 UTF-8 也不是 GB18030 编码的文本文件`);
    }
  }
}
