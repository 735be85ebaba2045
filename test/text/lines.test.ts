import { describe, expect, it } from 'vitest';
import { opensStructure } from '../../src/core/text/classify';
import { splitParagraphs } from '../../src/core/text/lines';

const split = (s: string) => splitParagraphs(s, { opensStructure });

describe('paragraphs and column-break joins (TYPESETTING.md checklist 3)', () => {
  it('joins a sentence cut by a column break without a space and flags it', () => {
    const paras = split('今年是新区转型发展的关键之年。面对新征程新任务,全区上下在解放思想中提\n\n高认识,在认清形势中坚定信心。');
    expect(paras).toHaveLength(1);
    expect(paras[0]!.text).toBe('今年是新区转型发展的关键之年。面对新征程新任务,全区上下在解放思想中提高认识,在认清形势中坚定信心。');
    expect(paras[0]!.notes).toEqual([{ rule: 'join.column-break', offset: 34, before: '提\n\n高', after: '提高' }]);
  });

  it('does not join a short unpunctuated line (a headline) to the text after it', () => {
    expect(split('全区上下在解放思想中提\n\n高认识,在认清形势中坚定信心。')).toHaveLength(2);
  });

  it('joins inside quotes (“排 / 头兵”)', () => {
    const paras = split('切实转变“事不关己”的消极态度、“守株待兔”的懈怠思想,争做招商引资的“急先锋”“排\n\n头兵”。聚焦“产业定位”,集中资源抓招商。');
    expect(paras).toHaveLength(1);
    expect(paras[0]!.text).toContain('“排头兵”');
  });

  it('does not join finished sentences, headlines or datelines', () => {
    const text = [
      '太白湖新区聚力重点招大引强', '', '太白湖新区 重大项目集中开工', '',
      '本报济宁讯(通讯员 刘春雷)招商引资是经济发展的源头活水,是事关全区高质量发展的工程', '',
      '本报济宁讯(通讯员 刘德铭)太白湖新区今年谋划实施总投资696亿元的98个项目。', '',
      '今年是新区转型发展的关键之年。',
    ].join('\n');
    expect(split(text).map((p) => p.text.slice(0, 6))).toEqual(['太白湖新区聚', '太白湖新区 ', '本报济宁讯(', '本报济宁讯(', '今年是新区转']);
  });

  it('works on copy with one line per paragraph and marks blank lines as gaps', () => {
    const paras = split('第一段文字，写完了。\n第二段文字，写完了。\n\n下一篇的标题\n第三段。');
    expect(paras.map((p) => p.gapBefore)).toEqual([false, false, true, false]);
  });

  it('marks gaps of more blank lines than usual in PDF text', () => {
    const paras = split('甲段。\n\n乙段。\n\n\n\n丙段。');
    expect(paras.map((p) => p.gapBefore)).toEqual([false, false, true]);
  });

  it('drops indentation, handles CRLF and BOM', () => {
    const paras = split('\ufeff\u3000\u3000第一段。\r\n\r\n  第二段。  \r\n');
    expect(paras.map((p) => p.text)).toEqual(['第一段。', '第二段。']);
    expect(paras[1]!.notes[0]).toMatchObject({ rule: 'space.trim', before: '  ' });
  });
});
