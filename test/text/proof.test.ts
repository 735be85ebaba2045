import { describe, expect, it } from 'vitest';
import { bodyOf, paragraphNode, textNode } from '../../src/core/model/body';
import { type Story, StorySchema } from '../../src/core/model/story';
import { importText } from '../../src/core/text/index';
import { checkStories, checkStory, findTraditional, PROOF_RULE_NAMES, type ProofRule } from '../../src/core/text/proof/index';
import { samplePage } from './fixtures';

function story(body: string[], headline: Partial<Story['headline']> = {}, extra: Partial<Story> = {}): Story {
  return StorySchema.parse({
    id: 't', slug: 't', kind: '消息', headline: { kicker: [], main: ['标题'], sub: [], ...headline },
    body: bodyOf(body.map((t) => paragraphNode([textNode(t)]))), ...extra,
  });
}

const rules = (s: Story, only?: ProofRule[]): string[] => checkStory(s, only ? { rules: only } : {}).map((f) => `${f.rule}@${f.offset}:${f.text}→${f.suggestion}`);

describe('proofreading the sample page', () => {
  it('finds the three planted errors and nothing else', () => {
    const findings = checkStories(importText(samplePage()).stories);
    expect(findings.map((f) => [f.rule, f.text, f.suggestion])).toEqual([
      ['repeat-item', '、精细化', ''],
      ['traditional', '範', '范'],
      ['latin-word', ' and ', '和'],
    ]);
    expect(findings[1]).toMatchObject({ field: 'body', offset: 42, message: '“範”是繁体字，简体文本中应为“范”' });
  });
});

describe('proofreading rules', () => {
  it('traditional characters, with phrase context from OpenCC', () => {
    expect(findTraditional('加强安全防範').map((f) => f.suggestion)).toEqual(['范']);
    expect(findTraditional('這個問題').map((f) => f.suggestion)).toEqual(['这', '个', '问', '题']);
    expect(findTraditional('乾坤')).toEqual([]);
    expect(findTraditional('乾淨').map((f) => f.suggestion)).toEqual(['干', '净']);
    expect(findTraditional('著名作家')).toEqual([]);
  });

  it('half-width punctuation and spaces inside Chinese', () => {
    expect(rules(story(['今天,天气好 真好。共1,370人(统战)']), ['halfwidth-punct'])).toEqual([
      'halfwidth-punct@2:,→，', 'halfwidth-punct@6: →\u3000', 'halfwidth-punct@17:(→（', 'halfwidth-punct@20:)→）',
    ]);
  });

  it('unpaired quotes, brackets and book-title marks, per paragraph', () => {
    expect(rules(story(['他说：“好。', '《人民日报》报道）。', '“甲‘乙”丙’']), ['unpaired'])).toEqual([
      'unpaired@3:“→“', 'unpaired@15:）→）', 'unpaired@20:‘→‘', 'unpaired@24:’→’',
    ]);
    expect(rules(story(['以“庆‘三八’，致敬时代新女性”为主题。']), ['unpaired'])).toEqual([]);
  });

  it('a repeated word and a repeated list item', () => {
    expect(rules(story(['我们要发展发展经济。']), ['repeat-word'])).toEqual(['repeat-word@5:发展→']);
    expect(rules(story(['干干净净，常常来看看。']), ['repeat-word'])).toEqual([]);
    expect(rules(story(['精细化、精准化、精细化管理水平大大提升。']), ['repeat-item'])).toEqual(['repeat-item@7:、精细化→']);
    expect(rules(story(['聚焦楼宇经济、先进制造业、文化旅游、先进制造业等方向。']), ['repeat-item'])).toEqual(['repeat-item@17:、先进制造业→']);
    expect(rules(story(['大抓招商、大抓项目、大抓产业。']), ['repeat-item'])).toEqual([]);
  });

  it('Latin words in Chinese prose, but not acronyms', () => {
    expect(rules(story(['提升责任意识 and 能力水平，发展GDP和5G，用APP办事。']), ['latin-word'])).toEqual(['latin-word@6: and →和']);
  });

  it('inconsistent dates and numbers, full-width digits', () => {
    expect(rules(story(['3月4日召开会议，2024.3.5结束，3月6日总结。']), ['date-format'])).toEqual(['date-format@9:2024.3.5→2024年3月5日']);
    expect(rules(story(['三月四日开会，3月5日、3月6日结束。']), ['date-format'])).toEqual(['date-format@0:三月四日→三月四日']);
    expect(rules(story(['共1,370人次，1,500份，发放2300份，2024年。']), ['number-format'])).toEqual(['number-format@18:2300→2,300']);
    expect(rules(story(['增长１２％。']), ['fullwidth-alnum'])).toEqual(['fullwidth-alnum@2:１２％→12%']);
  });

  it('characters no font can draw, from a coverage predicate', () => {
    const covers = (cp: number): boolean => cp !== 0x4dae && cp < 0x20000;
    const findings = checkStory(story(['用\u4dae字和𠀋字。']), { covers, rules: ['no-glyph'] });
    expect(findings.map((f) => [f.offset, f.text])).toEqual([[1, '\u4dae'], [4, '𠀋']]);
    expect(findings[1]!.message).toBe('字库中没有“𠀋”（U+2000B）');
  });

  it('a headline ending in 。', () => {
    const findings = checkStory(story(['正文。'], { main: ['我市经济稳中向好。'], sub: ['——好吗？'] }), { rules: ['headline-end'] });
    expect(findings).toEqual([expect.objectContaining({ field: 'headline.main.0', offset: 8, text: '。', suggestion: '', rule: 'headline-end' })]);
  });

  it('reads captions, credits and bylines too', () => {
    const s = story([], {}, { photos: [{ assetId: null, caption: '游客在公园賞花。', credit: '' }], interviewByline: '县长 陈某' });
    expect(checkStory(s).map((f) => [f.field, f.rule])).toEqual([['interviewByline', 'halfwidth-punct'], ['photos.0.caption', 'traditional']]);
  });

  it('the house dictionary silences accepted terms', () => {
    const s = story(['安全防範，用iPhone拍摄，发展发展。']);
    expect(checkStory(s).map((f) => f.rule)).toEqual(['traditional', 'latin-word', 'repeat-word']);
    expect(checkStory(s, { dictionary: ['防範', 'iPhone', '发展发展'] })).toEqual([]);
  });

  it('names every rule in Chinese', () => {
    for (const name of Object.values(PROOF_RULE_NAMES)) expect(name).toMatch(/\p{Script=Han}/u);
  });
});
