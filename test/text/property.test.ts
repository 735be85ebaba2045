import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyPlainText } from '../../src/core/model/compose-input';
import { StorySchema } from '../../src/core/model/story';
import { importText } from '../../src/core/text/index';
import { ASCII, INTERVIEW, NOTE, PDF, PHOTOS, WIRE, samplePage } from './fixtures';

const LINES = [WIRE, INTERVIEW, PHOTOS, ASCII, PDF, NOTE, samplePage()].flatMap((t) => t.split('\n')).filter((l) => l.trim().length > 0);
const hanOf = (text: string): string => [...text.replace(/[^\p{Script=Han}]/gu, '')].sort().join('');

describe('import of arbitrary copy (property)', () => {
  it('never loses or duplicates a character and always builds valid stories', () => {
    const separator = fc.constantFrom('\n', '\n\n', '\n\n\n\n', '\r\n\r\n');
    const copy = fc.array(fc.tuple(fc.constantFrom(...LINES), separator), { minLength: 1, maxLength: 25 }).map((parts) => parts.map(([l, s]) => l + s).join(''));
    fc.assert(
      fc.property(copy, (text) => {
        const { stories, sections } = importText(text);
        const out = stories.map((s) => [
          ...s.headline.kicker, ...s.headline.main, ...s.headline.sub, s.interviewByline, bodyPlainText(s.body), ...s.photos.flatMap((p) => [p.caption, p.credit]),
        ].join('')).join('') + sections.map((s) => s.title).join('');
        expect(hanOf(out)).toBe(hanOf(text));
        for (const s of stories) expect(() => StorySchema.parse(s)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
