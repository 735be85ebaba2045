// Public face of the PDF output: display list → print-ready PDF bytes, and the preflight that gates it.
export { writePdf, sheetGeometry, PdfExportError, type PdfOptions, type PdfSources, type PdfxMode, type ImageBytesLoader, type SheetGeometry } from './write-pdf';
export { type FontBytesLoader, clearFaceCache, loadFace } from './face-cache';
export { imageFacts, ImageFormatError, type ImageFacts, type ImageColor } from './images';
export { preflightPage, hasErrors, type Finding, type FindingCode, type Severity, type OversetStory, type PhotoMissing, type PreflightInput, type PreflightLimits } from './preflight';
export { PDFX_VERSION, pdfDate, type OutputIntentSpec } from './pdfx';
export { embeddingRefusal, parseSfnt, FontFormatError, type SfntFace } from './sfnt';
export { webDeflate, type Deflate } from './deflate';
