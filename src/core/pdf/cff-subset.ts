import { create } from 'fontkit';
import { type GlyphSource } from './font-subset';
import { FontFormatError, type SfntFace } from './sfnt';

// A face with CFF (PostScript) outlines, subset for a PDF: a bare CID-keyed CFF program (FontFile3, CIDFontType0C)
// made by fontkit's CFF subsetter from the original file. Its charset is the identity (ROS Adobe-Identity-0), so CID
// i draws glyphs[i]: the writer's CIDs are used as they are, copies of a glyph included (one outline carrying a
// second text gets a CID of its own, so the subset lists that glyph again).

export function buildCffSubset(face: SfntFace, glyphs: readonly GlyphSource[]): Uint8Array {
  if (!face.cff) throw new Error('buildCffSubset: not a CFF face');
  if (glyphs.some((g) => g.face !== 0)) throw new Error('buildCffSubset: a CFF face is embedded on its own, not with other files');
  let font;
  try {
    const parsed = create(face.cff.bytes);
    font = 'fonts' in parsed ? parsed.fonts[face.cff.index] : parsed;
  } catch (e) {
    throw new FontFormatError(`CFF 字体无法解析：${e instanceof Error ? e.message : String(e)}`);
  }
  if (!font) throw new FontFormatError(`字体集合中没有第 ${face.cff.index} 个字体`);
  const subset = font.createSubset();
  subset.glyphs = glyphs.map((g) => g.gid);
  return subset.encode();
}
