import { paragraphStyle, runStyle } from '../compose';
import { sourceChain, type FontStyle } from '../fonts';
import { type HouseSettings } from '../model/house';
import { type StyleCatalog } from '../model/style';

/** The font (role and weight) of every paragraph and character style in the catalog, each once. */
export function catalogFonts(styles: StyleCatalog, house: HouseSettings): FontStyle[] {
  const body = paragraphStyle(styles, 'body');
  const all = [
    ...styles.paragraph.map((p) => runStyle(p, null, styles, house).font),
    ...styles.character.map((c) => runStyle(body, { styleId: c.id, bold: false }, styles, house).font),
  ];
  const seen = new Set<string>();
  return all.filter((f) => {
    const key = `${f.role}/${f.weight}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The whole-file faces that head the chains of the styles (a 楷体 style's 16 MB LXGW WenKai, a house's own
 * font): the largest files a first layout fetches and so the last to arrive. An app can start fetching them as soon
 * as it knows the issue, before it has read a word of the stories.
 */
export function wholeFontFiles(styles: StyleCatalog, house: HouseSettings): string[] {
  const files = new Set<string>();
  for (const f of catalogFonts(styles, house)) {
    const head = sourceChain(f.role, f.weight, house.fonts)[0];
    if (head?.kind === 'whole') files.add(head.file);
  }
  return [...files];
}
