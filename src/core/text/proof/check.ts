import { bodyPlainText } from '../../model/compose-input';
import { type Story } from '../../model/story';
import { findMissingGlyphs } from './glyphs';
import { findHalfwidth } from './halfwidth';
import { findHeadlineEnd } from './headline';
import { findLatinWords } from './latin';
import { findNumberFormats } from './numbers';
import { findUnpaired } from './pairs';
import { findRepeatedItems, findRepeatedWords } from './repeat';
import { findTraditional } from './traditional';
import { type Finding, type ProofOptions, type ProofRule, type TextFinding } from './types';

/** The texts of a story the proofreader reads, each named by its field. */
export function storyFields(story: Story): { field: string; text: string }[] {
  const fields: { field: string; text: string }[] = [];
  for (const part of ['kicker', 'main', 'sub'] as const) {
    story.headline[part].forEach((text, i) => fields.push({ field: `headline.${part}.${i}`, text }));
  }
  if (story.interviewByline) fields.push({ field: 'interviewByline', text: story.interviewByline });
  fields.push({ field: 'body', text: bodyPlainText(story.body) });
  story.photos.forEach((p, i) => {
    if (p.caption) fields.push({ field: `photos.${i}.caption`, text: p.caption });
    if (p.credit) fields.push({ field: `photos.${i}.credit`, text: p.credit });
  });
  return fields;
}

/** Spans of accepted terms: a finding wholly inside one is not reported. */
function acceptedSpans(text: string, dictionary: readonly string[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const term of dictionary) {
    if (term.length === 0) continue;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) spans.push([i, i + term.length]);
  }
  return spans;
}

function accepted(f: TextFinding, spans: readonly [number, number][], text: string, dictionary: readonly string[]): boolean {
  if (spans.some(([a, b]) => f.offset >= a && f.offset + f.length <= b)) return true;
  // A Latin word accepted on its own, whatever spaces surround it.
  return f.rule === 'latin-word' && dictionary.includes(text.slice(f.offset, f.offset + f.length).trim());
}

export function checkStory(story: Story, options: ProofOptions = {}): Finding[] {
  const enabled = (rule: ProofRule): boolean => !options.rules || options.rules.includes(rule);
  const dictionary = options.dictionary ?? [];
  const fields = storyFields(story);
  const formats = findNumberFormats(fields.map((f) => f.text));
  const findings: Finding[] = [];
  fields.forEach(({ field, text }, index) => {
    const raw: TextFinding[] = [
      ...findTraditional(text),
      ...findHalfwidth(text),
      ...findUnpaired(text),
      ...findRepeatedWords(text),
      ...findRepeatedItems(text),
      ...findLatinWords(text),
      ...formats[index]!,
      ...(options.covers ? findMissingGlyphs(text, options.covers) : []),
      ...(field.startsWith('headline.') ? findHeadlineEnd(text) : []),
    ];
    const spans = acceptedSpans(text, dictionary);
    for (const f of raw) {
      if (!enabled(f.rule) || accepted(f, spans, text, dictionary)) continue;
      findings.push({ ...f, storyId: story.id, field, text: text.slice(f.offset, f.offset + f.length) });
    }
  });
  return findings.sort((a, b) => (a.field === b.field ? a.offset - b.offset : 0));
}

export function checkStories(stories: readonly Story[], options: ProofOptions = {}): Finding[] {
  return stories.flatMap((s) => checkStory(s, options));
}
