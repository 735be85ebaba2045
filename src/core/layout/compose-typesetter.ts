import { ComposeCache, type ComposeContext, ensureParagraphs, paragraphsReady, paragraphStyle, runStyle, setHeadline } from '../compose';
import type { ComposeSettings } from '../compose';
import type { FaceInfo } from '../display/types';
import type { FontRegistry, FontStyle } from '../fonts';
import { bodyToParagraphs, type ComposerParagraph, type ComposerRun, type HouseSettings, type IssueMeta, type ParagraphStyle, type Story, type StyleCatalog } from '../model';
import { runningHeadTexts } from './running-head';
import type { SetLine, TextOptions, Typesetter } from './typesetter';
import { setVerticalText, type VerticalLine } from './vertical-set';

/** Short texts remembered between clears; far more than an issue's headlines, captions and jump lines. */
const TEXT_MEMO_LIMIT = 20_000;

/** The text an issue object sets itself: page furniture, by style; the placed stories; headline frames' own styles. */
interface IssueTexts {
  readonly furniture: readonly { readonly text: string; readonly styleId: string; readonly charStyle?: string }[];
  readonly placed: readonly string[];
  /** Story id → the styles its headline frames set the 主题 in (the lead's). */
  readonly headlineStyles: ReadonlyMap<string, readonly string[]>;
}

/** Suffix of the derived paragraph styles that continue a paragraph in a new column: no first-line indent. */
const CONT = '~cont';

function withContinuations(styles: StyleCatalog): StyleCatalog {
  return {
    ...styles,
    paragraph: [...styles.paragraph, ...styles.paragraph.map((p): ParagraphStyle => ({ ...p, id: p.id + CONT, firstLineIndentEm: 0 }))],
  };
}

/** The rest of a paragraph from source offset `from`, as a paragraph of its own without the first-line indent. */
function tail(p: ComposerParagraph, from: number): ComposerParagraph {
  const runs: ComposerRun[] = [];
  for (const r of p.runs) {
    const end = r.offset + r.text.length;
    if (end <= from) continue;
    runs.push(r.offset >= from ? r : { ...r, text: r.text.slice(from - r.offset), offset: from });
  }
  return { ...p, styleId: p.styleId + CONT, runs, offset: from };
}

/**
 * The Typesetter over src/core/compose and a FontRegistry. Fonts load asynchronously: call `prepare` with
 * the issue and its stories before laying out; layout itself is synchronous.
 */
export class ComposeTypesetter implements Typesetter {
  private readonly styles: StyleCatalog;
  private readonly caches = new Map<string, ComposeCache>();
  private readonly settings = new Map<string, Partial<ComposeSettings> | undefined>();
  private readonly bodies = new WeakMap<object, readonly ComposerParagraph[]>();
  /** Lines already handed out per paragraph object, by start offset and measure: the flow asks again while
   *  balancing columns and after jump lines move, and a Map read beats rebuilding the composer's key. */
  private lines = new WeakMap<ComposerParagraph, Map<string, readonly SetLine[]>>();
  /** Short texts already set, by text, style, measure and options (cleared with the rest for a cold run). */
  private readonly texts = new Map<string, readonly SetLine[]>();

  constructor(
    private readonly fonts: FontRegistry,
    styles: StyleCatalog,
    private readonly house: HouseSettings,
  ) {
    this.styles = withContinuations(styles);
  }

  /** Drop composed paragraphs (a "cold" run). Parsed fonts stay. */
  clear(): void {
    this.caches.clear();
    this.lines = new WeakMap();
    this.texts.clear();
  }

  paragraphs(story: Story): readonly ComposerParagraph[] {
    let ps = this.bodies.get(story.body);
    if (!ps) {
      ps = bodyToParagraphs(story.body);
      this.bodies.set(story.body, ps);
    }
    return ps;
  }

  setParagraph(story: Story, para: ComposerParagraph, from: number, width: number): readonly SetLine[] {
    let cache = this.caches.get(story.id);
    if (!cache) this.caches.set(story.id, (cache = new ComposeCache()));
    let memo = this.lines.get(para);
    if (!memo) this.lines.set(para, (memo = new Map()));
    const key = `${story.id}|${from}|${width}|${story.punctStyle ?? ''}`;
    let lines = memo.get(key);
    if (!lines) {
      const p = from <= para.offset ? para : tail(para, from);
      lines = cache.composeShared(p, width, this.context(story)).lines;
      memo.set(key, lines);
    }
    return lines;
  }

  styleLines(styleId: string): number {
    return Math.max(1, Math.round(paragraphStyle(this.styles, styleId).leadingLines));
  }

  keepWithNext(styleId: string): number {
    return paragraphStyle(this.styles, styleId).keepWithNextLines;
  }

  setText(text: string, styleId: string, width: number, opts: TextOptions = {}): readonly SetLine[] {
    // Jump lines, 版次 and 版名 repeat page after page at the same measure: set each once per layout pass.
    const key = `${styleId}|${width}|${opts.align ?? ''}|${opts.scaleX ?? ''}|${opts.charStyle ?? ''}|${opts.noBreak ? 1 : 0}|${text}`;
    let lines = this.texts.get(key);
    if (!lines) {
      lines = this.setTextUncached(text, styleId, width, opts);
      if (this.texts.size >= TEXT_MEMO_LIMIT) this.texts.clear(); // a long session of headline edits stays bounded
      this.texts.set(key, lines);
    }
    return lines;
  }

  private setTextUncached(text: string, styleId: string, width: number, opts: TextOptions): readonly SetLine[] {
    const para = paragraphStyle(this.styles, styleId);
    const run = { styleId: opts.charStyle, bold: false };
    const rs = runStyle(para, run, this.styles, this.house);
    if (opts.noBreak) {
      const align = opts.align === 'justify' || opts.align === undefined ? (para.align === 'center' || para.align === 'end' ? para.align : 'start') : opts.align;
      return [setHeadline(text, this.fonts, {
        font: rs.font, size: rs.size, scaleX: opts.scaleX !== undefined ? opts.scaleX / 100 : rs.scaleX, scaleY: rs.scaleY,
        trackingEm: rs.trackingEm, color: rs.color, measure: width, align, punctStyle: this.house.punctStyle,
      })];
    }
    const p: ComposerParagraph = {
      kind: 'paragraph', styleId, offset: 0, index: 0,
      runs: [{ text, ...(opts.charStyle ? { styleId: opts.charStyle } : {}), bold: false, italic: false, role: 'text', offset: 0 }],
    };
    let cache = this.caches.get('');
    if (!cache) this.caches.set('', (cache = new ComposeCache()));
    return cache.compose(p, width, { fonts: this.fonts, styles: this.styles, house: this.house, source: { storyId: '', field: 'label' } }).lines;
  }

  setVertical(text: string, styleId: string, opts: { readonly scaleY?: number } = {}): VerticalLine {
    const rs = runStyle(paragraphStyle(this.styles, styleId), null, this.styles, this.house);
    return setVerticalText(text, this.fonts, {
      font: rs.font, size: rs.size, scaleX: rs.scaleX, scaleY: opts.scaleY !== undefined ? opts.scaleY / 100 : rs.scaleY, trackingEm: rs.trackingEm, color: rs.color,
    });
  }

  faces(): Readonly<Record<string, FaceInfo>> {
    return this.fonts.faceTable();
  }

  /** Loads every font file the issue's placed text needs. */
  async prepare(issue: IssueMeta, stories: ReadonlyMap<string, Story>): Promise<void> {
    const { bodies, needs, checked } = this.fontNeeds(issue, stories, false);
    // The bodies' fonts and the headlines', captions'… together: the registry loads each file once however asked.
    await Promise.all([
      ensureParagraphs(bodies, { fonts: this.fonts, styles: this.styles, house: this.house }),
      ...needs.map(({ font, text }) => this.fonts.ensure(text, [font])),
    ]);
    this.readyIssues.add(issue);
    for (const s of checked) this.readyStories.add(s);
  }

  /**
   * Whether prepare has nothing left to load: the issue can be laid out now, in this turn. A story or an issue object
   * found ready once stays ready (loaded fonts are never dropped), so a keystroke checks only the story it changed,
   * not the furniture of every page again.
   */
  prepared(issue: IssueMeta, stories: ReadonlyMap<string, Story>): boolean {
    const { bodies, needs, checked } = this.fontNeeds(issue, stories, true);
    const ready = needs.every(({ font, text }) => this.fonts.ready(text, [font])) && paragraphsReady(bodies, { fonts: this.fonts, styles: this.styles, house: this.house });
    if (ready) {
      this.readyIssues.add(issue);
      for (const s of checked) this.readyStories.add(s);
    }
    return ready;
  }

  /** Story objects whose own text (body, headline, captions) every font it needs has been loaded for. */
  private readonly readyStories = new WeakSet<Story>();
  /** Issue objects whose page furniture, and headlines set in a frame's own style, every font has been loaded for. */
  private readonly readyIssues = new WeakSet<IssueMeta>();
  private readonly issueTexts = new WeakMap<IssueMeta, IssueTexts>();

  /** What the issue object itself sets (made once per issue object: a keystroke makes a new story, not a new issue). */
  private textsOf(issue: IssueMeta): IssueTexts {
    let texts = this.issueTexts.get(issue);
    if (texts) return texts;
    const furniture: { text: string; styleId: string; charStyle?: string }[] = [];
    const headlineStyles = new Map<string, string[]>();
    const placed = new Set<string>();
    for (const page of issue.pages) {
      furniture.push({ text: `${page.number}版`, styleId: 'banner' }, { text: page.name, styleId: 'kicker' });
      const rh = runningHeadTexts(issue, page);
      furniture.push({ text: rh.dateLine + rh.staffLine, styleId: 'runninghead' });
      for (const f of page.frames) {
        if (f.kind === 'box') furniture.push({ text: f.title, styleId: 'banner' });
        // A headline frame may set its 主题 in a style of its own (the lead's): that face is needed too.
        if (f.kind === 'headline' && f.style) headlineStyles.set(f.storyId, [...(headlineStyles.get(f.storyId) ?? []), f.style]);
        if ('storyId' in f && f.storyId) placed.add(f.storyId);
      }
    }
    const pageNames = issue.pages.map((p) => p.number).join('');
    furniture.push({ text: `（下转第上接版）0123456789${pageNames}`, styleId: 'body', charStyle: 'credit' });
    texts = { furniture, headlineStyles, placed: [...placed] };
    this.issueTexts.set(issue, texts);
    return texts;
  }

  /**
   * The placed stories' paragraphs, and the text each font sets in page furniture, headlines and captions; the
   * stories whose own text was gathered. `skipReady` leaves out what is already known to be ready: the furniture of
   * an issue object found ready, the stories found ready (a story's headline in a frame's own style is checked with
   * the story, and again for every story when the issue object is new).
   */
  private fontNeeds(issue: IssueMeta, stories: ReadonlyMap<string, Story>, skipReady: boolean): { bodies: ComposerParagraph[]; needs: { font: FontStyle; text: string }[]; checked: Story[] } {
    const needs = new Map<string, { font: FontStyle; text: string[] }>();
    const need = (text: string, styleId: string, charStyle?: string): void => {
      if (!text) return;
      const font = runStyle(paragraphStyle(this.styles, styleId), { styleId: charStyle, bold: false }, this.styles, this.house).font;
      const key = `${font.role}/${font.weight}`;
      const e = needs.get(key) ?? { font, text: [] };
      e.text.push(text);
      needs.set(key, e);
    };
    const texts = this.textsOf(issue);
    const issueChecked = skipReady && this.readyIssues.has(issue);
    if (!issueChecked) for (const f of texts.furniture) need(f.text, f.styleId, f.charStyle);
    const bodies: ComposerParagraph[] = [];
    const checked: Story[] = [];
    for (const id of texts.placed) {
      const story = stories.get(id);
      if (!story) continue;
      const storyChecked = skipReady && this.readyStories.has(story);
      if (!issueChecked || !storyChecked) for (const style of texts.headlineStyles.get(id) ?? []) need(story.headline.main.join(''), style);
      if (storyChecked) continue;
      checked.push(story);
      bodies.push(...this.paragraphs(story));
      need(story.headline.kicker.join(''), 'kicker');
      need(story.headline.main.join(''), 'headline');
      need(story.headline.sub.join(''), 'subtitle');
      need(story.interviewByline, 'byline');
      for (const ph of story.photos) {
        need(ph.caption, 'caption');
        need(ph.credit, 'caption', 'credit');
      }
    }
    return { bodies, needs: [...needs.values()].map(({ font, text }) => ({ font, text: text.join('') })), checked };
  }

  private context(story: Story): ComposeContext {
    const key = story.punctStyle ?? '';
    if (!this.settings.has(key)) this.settings.set(key, story.punctStyle ? { punctStyle: story.punctStyle } : undefined);
    const settings = this.settings.get(key);
    return {
      fonts: this.fonts, styles: this.styles, house: this.house,
      ...(settings ? { settings } : {}),
      source: this.sources.get(story.id) ?? this.source(story.id),
    };
  }

  private readonly sources = new Map<string, { storyId: string; field: 'body' }>();
  private source(storyId: string): { storyId: string; field: 'body' } {
    const s = { storyId, field: 'body' as const };
    this.sources.set(storyId, s);
    return s;
  }
}
