import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyOf, datelineNode, paragraphNode, storyLengthZi, subheadNode, textNode } from '../../src/core/model';

describe('story length in 字', () => {
  it('counts hanzi and punctuation, not spaces or paragraph breaks', () => {
    const body = bodyOf([paragraphNode([textNode('太白湖新区，聚力招商。')]), paragraphNode([textNode('项目 开工　了')])]);
    expect(storyLengthZi({ body, photos: [] })).toBe(11 + 5);
  });

  it('counts the dateline and sub-heads, and a supplementary-plane hanzi once', () => {
    const dateline = datelineNode({ agency: '本报', place: '济宁', credits: [{ role: '通讯员', names: ['刘春雷'] }] });
    const body = bodyOf([paragraphNode([dateline, textNode('𠀋好')]), subheadNode('小标题')]);
    const withoutBody = bodyOf([paragraphNode([dateline])]);
    expect(storyLengthZi({ body, photos: [] }) - storyLengthZi({ body: withoutBody, photos: [] })).toBe(2 + 3);
    expect(storyLengthZi({ body: withoutBody, photos: [] })).toBeGreaterThan(5);
  });

  it('counts photo captions (a 图片新闻 is its caption) but not credits', () => {
    const photo = { assetId: null, caption: '志愿者为群众义诊。', credit: '■通讯员　万众　摄' };
    expect(storyLengthZi({ body: bodyOf([]), photos: [photo, { ...photo, caption: '' }] })).toBe(9);
  });

  it('is zero for an empty body', () => {
    expect(storyLengthZi({ body: bodyOf([]), photos: [] })).toBe(0);
  });

  it('counts as a Unicode regular expression would: every code point that \\s does not match', () => {
    const chars = fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2029', '字', '，', 'A', '𠀋', '\ud800', '\udc00', '\u200b');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const expected = [...text].filter((ch) => !/\s/u.test(ch)).length;
        const photo = { assetId: null, caption: text, credit: '' };
        expect(storyLengthZi({ body: bodyOf([]), photos: [photo] })).toBe(expected);
      }),
    );
  });
});
