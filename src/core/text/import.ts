import { type Story } from '../model/story';
import { buildStory, headlineText } from './build';
import { classify, opensStructure } from './classify';
import { splitParagraphs } from './lines';
import { normalisePunctuation } from './punctuation';
import { firstLine, segment } from './segment';

/** A 专栏 banner or section label found in the copy, with the stories it stands over. */
export interface ImportedSection {
  kind: 'banner' | 'label';
  title: string;
  /** 1-based source line. */
  line: number;
  storyIds: string[];
}

export interface ImportResult {
  stories: Story[];
  sections: ImportedSection[];
  /** 1-based source line where each story starts, by story id (for messages). */
  lines: Record<string, number>;
}

export interface ImportOptions {
  /** Story ids already in the issue: new ids avoid them. */
  existingIds?: readonly string[];
  /** Prefix of generated ids (`story` → story-01, story-02 …). */
  idPrefix?: string;
}

function idMaker(options: ImportOptions): () => string {
  const taken = new Set(options.existingIds ?? []);
  const prefix = (options.idPrefix ?? 'story').toLowerCase().replace(/[^a-z0-9-]/g, '') || 'story';
  let n = 0;
  return () => {
    let id: string;
    do id = `${prefix}-${String(++n).padStart(2, '0')}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
}

/** Plain text (a correspondent's file, a wire, text extracted from a PDF page) → stories. */
export function importText(source: string, options: ImportOptions = {}): ImportResult {
  const paras = splitParagraphs(source, { opensStructure }).map((p) => {
    const { text, notes } = normalisePunctuation(p.text);
    return { ...p, text, notes: [...p.notes, ...notes].sort((a, b) => a.offset - b.offset) };
  });
  const { drafts, sections } = segment(classify(paras));
  const nextId = idMaker(options);
  const ids = new Map(drafts.map((d) => [d, nextId()]));
  const stories = drafts.map((d) => buildStory(d, { id: ids.get(d)! }));
  const lines: Record<string, number> = {};
  drafts.forEach((d) => {
    lines[ids.get(d)!] = firstLine(d);
  });
  return {
    stories,
    sections: sections.map((s) => ({ kind: s.kind, title: headlineText(s.title.text).text, line: s.title.line, storyIds: s.drafts.map((d) => ids.get(d)!) })),
    lines,
  };
}
