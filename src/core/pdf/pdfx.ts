// PDF/X-1a:2003 structure (ISO 15930-4; TYPESETTING.md §8.2): PDF 1.4 header, GTS_PDFX OutputIntent naming
// the printing condition, identification keys in the Info dictionary. Colour, transparency and font rules
// are kept by the writer itself (CMYK only, no soft masks, every font embedded) and checked by the tests.
import { PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { flateStream, type Deflate } from './deflate';

export interface OutputIntentSpec {
  /** Registered characterization name (e.g. 'IFRA26') or the plant's own condition name. */
  readonly identifier: string;
  readonly info: string;
  readonly registryName: string;
  /** The plant's own CMYK ICC profile; required when `identifier` is not a registered characterization. */
  readonly profile?: Uint8Array;
}

export const PDFX_VERSION = 'PDF/X-1a:2003';

/** Header, OutputIntent and the Info keys that identify a PDF/X-1a:2003 file. */
export async function applyPdfx(doc: PDFDocument, output: OutputIntentSpec, info: Record<string, unknown>, deflate: Deflate): Promise<void> {
  const context = doc.context;
  const intent: Record<string, unknown> = {
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: pdfText(output.identifier),
    OutputCondition: pdfText(output.info),
    RegistryName: pdfText(output.registryName),
    Info: pdfText(output.info),
  };
  if (output.profile) {
    if (output.profile.length < 20 || String.fromCharCode(...output.profile.subarray(16, 20)) !== 'CMYK') {
      throw new Error('印厂 ICC 特性文件必须是 CMYK 输出特性文件');
    }
    const profile = context.nextRef();
    await flateStream(context, deflate, profile, output.profile, { N: 4 });
    intent.DestOutputProfile = profile;
  }
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.obj(intent as Parameters<typeof context.obj>[0])]));
  info.GTS_PDFXVersion = PDFString.of(PDFX_VERSION);
  info.GTS_PDFXConformance = PDFString.of(PDFX_VERSION);
}

/** PDF date string in UTC: D:YYYYMMDDHHmmSS+00'00'. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+00'00'`;
}

/**
 * A PDF text string: literal when plain ASCII, else UTF-16BE hex (pdf-lib's PDFString.of neither encodes
 * non-Latin text nor escapes parentheses).
 */
export function pdfText(s: string): PDFString | PDFHexString {
  return /^[\x20-\x7e]*$/.test(s) && !/[()\\]/.test(s) ? PDFString.of(s) : PDFHexString.fromText(s);
}
