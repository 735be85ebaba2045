// Display list → SVG (screen, thumbnails, PNG in tests and the CLI).
export { renderSvg, type GlyphOutlines, type SvgOptions } from './svg';
export { cmykToHex } from './color';
