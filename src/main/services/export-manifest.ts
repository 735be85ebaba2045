// manifest.json for the plant hand-off: every file with its page, SHA-256, size and preflight findings, and
// the pages held back, so the plant (and the desk) can check what arrived and why something did not.
import { createHash } from 'node:crypto';
import { type Finding, type PdfxMode } from '../../core/pdf';

export interface ManifestFile {
  readonly file: string;
  /** 版次 of each page in the file. */
  readonly pages: readonly string[];
  readonly sha256: string;
  readonly bytes: number;
  readonly findings: readonly Finding[];
}

export interface Manifest {
  readonly generator: 'yeban';
  readonly issue: string;
  readonly date: string;
  readonly pdfx: string;
  readonly bleedMm: number;
  readonly marks: boolean;
  readonly createdAt: string;
  readonly files: readonly ManifestFile[];
  /** Pages not written because preflight found errors (export without --force). */
  readonly held: readonly { readonly page: string; readonly findings: readonly Finding[] }[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function manifestFile(file: string, pages: readonly string[], bytes: Uint8Array, findings: readonly Finding[]): ManifestFile {
  return { file, pages, sha256: sha256(bytes), bytes: bytes.length, findings };
}

export function pdfxLabel(mode: PdfxMode): string {
  return mode === '1a' ? 'PDF/X-1a:2003' : 'none';
}
