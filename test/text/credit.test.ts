import { describe, expect, it } from 'vitest';
import { parsePhotoCredit, splitTrailingCredit } from '../../src/core/text/credit';
import { parseInterviewByline } from '../../src/core/text/byline';

describe('photo credits', () => {
  it.each([
    ['■通讯员 万众 摄', '■通讯员\u3000万众\u3000摄', [{ role: '通讯员', names: ['万众'] }]],
    ['■通讯员\u00a0威海涛\u00a0摄', '■通讯员\u3000威海涛\u3000摄', [{ role: '通讯员', names: ['威海涛'] }]],
    ['本报记者 王小明 摄', '本报记者\u3000王小明\u3000摄', [{ role: '本报记者', names: ['王小明'] }]],
    ['本报记者王小明摄', '本报记者\u3000王小明\u3000摄', [{ role: '本报记者', names: ['王小明'] }]],
    ['王小明摄', '王小明\u3000摄', [{ role: '摄影', names: ['王小明'] }]],
    ['李华 摄影报道', '李华\u3000摄影报道', [{ role: '摄影', names: ['李华'] }]],
    ['新华社记者 甲某 乙某 摄', '新华社记者\u3000甲某\u3000乙某\u3000摄', [{ role: '新华社记者', names: ['甲某', '乙某'] }]],
    ['张三摄（影像中国）', '张三\u3000摄（影像中国）', [{ role: '摄影', names: ['张三'] }]],
    ['（本报记者 张三 摄）', '本报记者\u3000张三\u3000摄', [{ role: '本报记者', names: ['张三'] }]],
  ])('parses %s', (text, printed, credits) => {
    const c = parsePhotoCredit(text);
    expect(c?.text).toBe(printed);
    expect(c?.credits).toEqual(credits);
  });

  it('does not take sentences for credits', () => {
    expect(parsePhotoCredit('游客在景区拍摄')).toBeNull();
    expect(parsePhotoCredit('活动现场开展了健康义诊和理发等多种便民服务摄')).toBeNull();
  });

  it('splits a credit off the end of a caption', () => {
    expect(splitTrailingCredit('3月4日，游客在公园赏花。本报记者 张三 摄')).toEqual({
      caption: '3月4日，游客在公园赏花。',
      credit: { text: '本报记者\u3000张三\u3000摄', credits: [{ role: '本报记者', names: ['张三'] }], source: '本报记者 张三 摄' },
    });
    expect(splitTrailingCredit('游客在公园赏花。（新华社记者 李四 摄）')?.credit.text).toBe('新华社记者\u3000李四\u3000摄');
    expect(splitTrailingCredit('游客在公园赏花。')).toBeNull();
  });
});

describe('interview bylines', () => {
  it('reads 职务 姓名', () => {
    expect(parseInterviewByline('石桥镇党委书记 张小磊')).toEqual({ title: '石桥镇党委书记', name: '张小磊', text: '石桥镇党委书记\u3000张小磊' });
    expect(parseInterviewByline('许庄街道党工委书记\u3000伍恩宇')?.name).toBe('伍恩宇');
    expect(parseInterviewByline('——访市文旅局局长 王芳')?.title).toBe('市文旅局局长');
  });

  it('rejects headlines with two clauses', () => {
    expect(parseInterviewByline('乡村振兴出亮点 高质量发展破新题')).toBeNull();
    expect(parseInterviewByline('太白湖新区 重大项目集中开工')).toBeNull();
  });
});
