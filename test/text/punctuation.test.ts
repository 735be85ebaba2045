import { describe, expect, it } from 'vitest';
import { normalisePunctuation } from '../../src/core/text/punctuation';

const norm = (s: string): string => normalisePunctuation(s).text;

describe('punctuation normalisation (TYPESETTING.md checklist 1–2)', () => {
  it('makes a Han-adjacent ASCII comma full-width and records it', () => {
    const r = normalisePunctuation('招商引资,实现');
    expect(r.text).toBe('招商引资，实现');
    expect(r.notes).toEqual([{ rule: 'punct.fullwidth', offset: 4, before: ',', after: '，' }]);
  });

  it('keeps decimals, digit groups, ratios and 2+3+N', () => {
    expect(norm('总投资16.2亿元')).toBe('总投资16.2亿元');
    expect(norm('共1,370人')).toBe('共1,370人');
    expect(norm('比分3:2,主队获胜')).toBe('比分3:2，主队获胜');
    expect(norm('聚焦“2+3+N”产业体系')).toBe('聚焦“2+3+N”产业体系');
  });

  it('turns bracket pairs full-width when they touch or hold Chinese', () => {
    expect(norm('本报济宁讯(通讯员 刘春雷)招商')).toBe('本报济宁讯（通讯员\u3000刘春雷）招商');
    expect(norm('政法委员会(统战)联合')).toBe('政法委员会（统战）联合');
    expect(norm('f(x) = 1')).toBe('f(x) = 1');
  });

  it('converts : ; ! ? next to Han', () => {
    expect(norm('编者按:2024年,是攻坚之年;奋力开创新局面!对吗?')).toBe('编者按：2024年，是攻坚之年；奋力开创新局面！对吗？');
  });

  it('pairs straight double quotes into Chinese quotes', () => {
    const r = normalisePunctuation('争做"急先锋"和"排头兵"。');
    expect(r.text).toBe('争做“急先锋”和“排头兵”。');
    expect(r.notes.every((n) => n.rule === 'punct.quote')).toBe(true);
  });

  it('leaves an odd number of straight quotes for the proofreader', () => {
    expect(norm('他说"好。')).toBe('他说"好。');
  });

  it('makes a single space between Han a full-width space, but leaves Latin text alone', () => {
    expect(norm('学雷锋树新风 办实事')).toBe('学雷锋树新风\u3000办实事');
    expect(norm('hello, world')).toBe('hello, world');
  });

  it('is length-preserving, so recorded offsets stay valid', () => {
    const src = '本报讯(记者 甲)今天,天气好!"真好"。';
    const r = normalisePunctuation(src);
    expect(r.text.length).toBe(src.length);
    for (const n of r.notes) {
      expect(src[n.offset]).toBe(n.before);
      expect(r.text[n.offset]).toBe(n.after);
    }
  });
});
