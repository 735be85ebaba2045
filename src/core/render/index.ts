// Display list → SVG (screen, thumbnails, PNG in tests and the CLI).
export { renderSvg, svgFrameGuides, svgItems, type GlyphOutlines, type SvgItemContext, type SvgOptions } from './svg';
export { cmykToHex } from './color';
export { placeGlyph, placeOutline, PLACED_UNITS_PER_PT, type Outline } from './outline';
