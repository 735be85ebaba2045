import type { IssueMeta, Page, ParagraphStyle, Story, TextFrame } from '../../model';
import { LayoutEngine } from '../engine';
import { pageGrid, spanWidth } from '../grid';
import type { Typesetter } from '../typesetter';
import type { BlockSpec, PhotoSpec } from './plan';

// What the planner needs to know about each story, measured with the real composer: body lines at the
// one-column measure (laid out through a thread of one-column frames), headline lines from the styles'
// leading, caption lines from the caption style at the picture's width.

/** The paragraph style of the lead's 主题 (头条主题, larger than every other 主题 on the page). */
export const LEAD_HEADLINE_STYLE = 'leadHeadline';

/**
 * 头条主题 as auto-layout adds it to an issue that has no such style: the issue's own 主题 at 小初 (36 pt, the
 * low end of TYPESETTING.md §5.3's lead sizes) on four lines. Once added it is the issue's to change.
 */
export function leadHeadlineStyle(headline: ParagraphStyle | undefined): ParagraphStyle {
  const base: ParagraphStyle = headline ?? {
    id: 'headline', name: '主题', role: '标宋', weight: 900, size: { hao: '小一' }, scaleX: 100, scaleY: 100, trackingEm: 0,
    color: { c: 0, m: 0, y: 0, k: 100 }, leadingLines: 3, firstLineIndentEm: 0, align: 'center', keepWithNextLines: 0,
  };
  return { ...base, id: LEAD_HEADLINE_STYLE, name: '头条主题', size: { hao: '小初' }, leadingLines: Math.max(4, base.leadingLines) };
}

/** The issue's styles with the lead's headline style added when the issue has none. */
export function withLeadStyle(meta: IssueMeta): IssueMeta {
  if (meta.styles.paragraph.some((p) => p.id === LEAD_HEADLINE_STYLE)) return meta;
  const style = leadHeadlineStyle(meta.styles.paragraph.find((p) => p.id === 'headline'));
  return { ...meta, styles: { ...meta.styles, paragraph: [...meta.styles.paragraph, style] } };
}

/** Headline parts and the interview byline, each line in its style's band, plus one line of white. */
export function headlineLines(story: Story, ts: Typesetter, mainStyle = 'headline'): number {
  const parts: [readonly string[], string][] = [
    [story.headline.kicker, 'kicker'], [story.headline.main, mainStyle], [story.headline.sub, 'subtitle'],
    [story.interviewByline ? [story.interviewByline] : [], 'byline'],
  ];
  let lines = 0;
  for (const [texts, style] of parts) lines += texts.filter((t) => t.length > 0).length * ts.styleLines(style);
  return lines === 0 ? 0 : lines + 1;
}

/** Body lines of each story at a one-column measure, from one layout of a scratch issue. */
export function bodyLines(meta: IssueMeta, stories: readonly Story[], ts: Typesetter): Map<string, number> {
  const g = meta.geometry;
  const withBody = stories.filter((s) => s.body.root.children.length > 0);
  const pages: Page[] = withBody.map((s, i) => ({
    id: `measure-${i}`, number: String(i + 1), name: '', editor: '', designer: '', proofreader: '',
    frames: Array.from({ length: g.columns }, (_, c): TextFrame => ({
      kind: 'text', id: `m-${i}-${c}`, storyId: s.id, col: c, span: 1, line: 0, lines: g.lines, columns: null, threadIndex: c,
    })),
  }));
  const scratch: IssueMeta = { ...meta, pages, storyIds: withBody.map((s) => s.id) };
  const report = new LayoutEngine(ts).layout(scratch, new Map(withBody.map((s) => [s.id, s]))).report;
  const out = new Map<string, number>(stories.map((s) => [s.id, 0]));
  for (const fit of report.stories) out.set(fit.storyId, fit.linesUsed + fit.oversetLines);
  return out;
}

/** Caption rows as the image block sets them: caption lines, plus one for the credit unless it fits the last. */
export function captionLines(meta: IssueMeta, story: Story, index: number, span: number, ts: Typesetter): number {
  const photo = story.photos[index];
  if (!photo) return 0;
  const grid = pageGrid(meta.geometry);
  const width = spanWidth(grid, span);
  const caption = photo.caption ? ts.setText(photo.caption, 'caption', width) : [];
  const credit = photo.credit ? ts.setText(photo.credit, 'caption', width, { align: 'end', charStyle: 'credit', noBreak: true })[0] : undefined;
  const last = caption[caption.length - 1];
  const creditOnLast = !!credit && !!last && last.width + grid.em <= (credit.glyphs[0]?.x ?? 0) + 1e-6;
  return Math.max(1, caption.length + (credit && !creditOnLast ? 1 : 0));
}

/** 长体 layout goes down to for a 主题 line too wide for its frame (headline.ts). */
const NARROWEST_SCALE = 0.7;

/** The narrowest span in which every headline line fits (主题 condensed, the other parts as set). */
export function minHeadlineSpan(meta: IssueMeta, story: Story, ts: Typesetter, mainStyle = 'headline'): number {
  const grid = pageGrid(meta.geometry);
  const wide = 1e6;
  // Set flush left on a very wide measure: the extent of the glyphs is the line's natural width.
  const need = (text: string, style: string, scale: number): number => {
    if (!text) return 0;
    const line = ts.setText(text, style, wide, { noBreak: true, align: 'start' })[0];
    return (line ? Math.max(0, ...line.glyphs.map((g) => g.x + g.advance)) : 0) * scale;
  };
  const widest = Math.max(
    0,
    ...story.headline.kicker.map((t) => need(t, 'kicker', 1)),
    ...story.headline.main.map((t) => need(t, mainStyle, NARROWEST_SCALE)),
    ...story.headline.sub.map((t) => need(t, 'subtitle', 1)),
    need(story.interviewByline, 'byline', 1),
  );
  for (let span = 1; span <= meta.geometry.columns; span++) if (spanWidth(grid, span) >= widest) return span;
  return meta.geometry.columns;
}

/** Lines a column must have for the story's sub-heads to stand with the lines kept under them (背题). */
export function minColumnLines(story: Story, ts: Typesetter): number {
  let n = 1;
  for (const p of ts.paragraphs(story)) if (p.kind === 'subhead') n = Math.max(n, ts.styleLines(p.styleId) + ts.keepWithNext(p.styleId));
  return n;
}

export interface SectionInfo {
  title: string;
  storyIds: readonly string[];
}

export function blockSpecs(
  meta: IssueMeta, stories: readonly Story[], sections: readonly SectionInfo[], ts: Typesetter, extra: ReadonlyMap<string, number> = new Map(), leadStyle?: string,
): BlockSpec[] {
  const body = bodyLines(meta, stories, ts);
  const grid = pageGrid(meta.geometry);
  const assets = new Map(meta.assets.map((a) => [a.id, a]));
  const minPpi = meta.house.output.minImagePpi;
  return stories.map((s) => {
    const section = sections.find((sec) => sec.storyIds[0] === s.id);
    const photos: PhotoSpec[] = s.photos.map((_, index) => {
      // The planner asks for the same spans many times over.
      const memo = new Map<number, number>();
      const lines = (span: number): number => {
        let n = memo.get(span);
        if (n === undefined) memo.set(span, (n = captionLines(meta, s, index, span, ts)));
        return n;
      };
      const asset = s.photos[index]?.assetId ? assets.get(s.photos[index]!.assetId!) : undefined;
      if (!asset) return { index, captionLines: lines };
      // A picture set to fill its frame is scaled to cover it: the tighter direction decides the resolution.
      const sharpAt = (span: number, pictureLines: number): boolean =>
        Math.min((asset.widthPx * 72) / spanWidth(grid, span), (asset.heightPx * 72) / (pictureLines * grid.pitch)) >= minPpi;
      return { index, captionLines: lines, aspect: asset.widthPx / asset.heightPx, sharpAt };
    });
    return {
      storyId: s.id,
      headLines: headlineLines(s, ts),
      minSpan: minHeadlineSpan(meta, s, ts),
      ...(leadStyle ? { lead: { headLines: headlineLines(s, ts, leadStyle), minSpan: minHeadlineSpan(meta, s, ts, leadStyle) } } : {}),
      textLines: Math.max(0, (body.get(s.id) ?? 0) + (extra.get(s.id) ?? 0)),
      minColumnLines: minColumnLines(s, ts),
      photoStory: s.kind === '图片新闻' && s.photos.length > 0,
      photos,
      ...(section ? { section: { title: section.title, storyIds: [...section.storyIds] } } : {}),
    };
  });
}

/**
 * An issue in which every story to place and every section title has a frame, for the typesetter's
 * prepare() (it loads the fonts for placed text only) before the stories have a place.
 */
export function preparationIssue(meta: IssueMeta, stories: readonly Story[], sections: readonly SectionInfo[], leadStyle = LEAD_HEADLINE_STYLE): IssueMeta {
  const frames: Page['frames'] = [
    ...stories.map((s, i): TextFrame => ({ kind: 'text', id: `prep-${i}`, storyId: s.id, col: 0, span: 1, line: 0, lines: 1, columns: null, threadIndex: 0 })),
    // Any story may lead: its 主题 in the lead's style needs that style's face.
    ...stories.map((s, i) => ({ kind: 'headline' as const, id: `prep-head-${i}`, storyId: s.id, col: 0, span: 1, line: 0, lines: 1, align: 'center' as const, scaleX: 100, style: leadStyle })),
    ...sections.map((sec, i) => ({ kind: 'box' as const, id: `prep-box-${i}`, col: 0, span: 1, line: 0, lines: 1, title: sec.title, storyId: null, strokePt: 0, tint: null })),
  ];
  return { ...meta, pages: [...meta.pages, { id: 'prep', number: '0', name: '', editor: '', designer: '', proofreader: '', frames }] };
}
