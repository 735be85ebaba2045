// Public face of the font layer. Everything outside src/core/fonts imports from here.
export type { FontLoader, ParsedFile } from './loader';
export { parseFontFile, fileRef } from './loader';
export { Face, faceKey, type FaceGlyph, type DashLigature } from './face';
export { outlineFromCommands, type GlyphCommand, type GlyphOutline } from './glyph-outline';
export { FontRegistry, GETA, type FontStyle, type GlyphInfo, type DashGlyphs } from './registry';
export { sourceChain, nearestWeight, roleNote, type FontSource } from './roles';
export { coverageFor, coverageSources } from './coverage';
export { sliceTable, sliceCodePoints, isDerivedFamily, type SliceTable } from './slice-index';
