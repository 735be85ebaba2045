// Flate for PDF streams. pdf-lib's own flateStream runs pako in JavaScript, and most of an export's time
// went there (each stream also paid pako's window set-up). Core compresses with CompressionStream (native
// zlib in Node and in the renderer); the main process passes Node's zlib directly, which avoids the stream
// machinery for the hundreds of small streams a page has.
import { PDFRawStream, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';

/** zlib-format (RFC 1950) compression, as FlateDecode expects. */
export type Deflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export const webDeflate: Deflate = async (bytes) => {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

/** A FlateDecode stream object with `dict` entries, assigned to `ref` (taken earlier, so numbering is stable). */
export async function flateStream(
  context: PDFContext,
  deflate: Deflate,
  ref: PDFRef,
  data: Uint8Array | string,
  dict: Record<string, unknown> = {},
): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const compressed = await deflate(bytes);
  const d = context.obj({ ...dict, Filter: 'FlateDecode' } as Parameters<PDFContext['obj']>[0]) as unknown as PDFDict;
  context.assign(ref, PDFRawStream.of(d, compressed));
}
