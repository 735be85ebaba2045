import { describe, expect, it } from 'vitest';
import { parseCredits, parseDateline } from '../../src/core/text/dateline';

describe('datelines (电头)', () => {
  it.each([
    ['本报讯（记者 张三）今天', '本报讯（记者 张三）'],
    ['本报济宁讯(通讯员 刘春雷)招商', '本报济宁讯(通讯员 刘春雷)'],
    ['本报济宁3月4日讯（记者 甲某 通讯员 乙某 丙某）会议', '本报济宁3月4日讯（记者 甲某 通讯员 乙某 丙某）'],
    ['本报讯 今天上午', '本报讯 '],
  ])('parses %s', (text, source) => {
    expect(parseDateline(text)?.source).toBe(source);
  });

  it('reads place, date and several roles and names', () => {
    const d = parseDateline('本报济宁3月4日讯（记者　王小明 李华　通讯员　赵强）会议召开');
    expect(d).toMatchObject({
      agency: '本报', place: '济宁', date: '3月4日', suffix: '讯',
      credits: [{ role: '记者', names: ['王小明', '李华'] }, { role: '通讯员', names: ['赵强'] }],
    });
    expect('本报济宁3月4日讯（记者　王小明 李华　通讯员　赵强）会议召开'.slice(d!.length)).toBe('会议召开');
  });

  it('reads wire datelines', () => {
    expect(parseDateline('新华社北京3月4日电（记者 王某某、李某）十四届全国人大二次会议')).toMatchObject({
      agency: '新华社', place: '北京', date: '3月4日', suffix: '电', credits: [{ role: '记者', names: ['王某某', '李某'] }],
    });
    expect(parseDateline('新华社北京3月4日电 国务院日前印发通知')).toMatchObject({ agency: '新华社', place: '北京', date: '3月4日', suffix: '电', credits: [] });
    expect(parseDateline('中新社上海3月5日电(记者 陈静)上海')).toMatchObject({ agency: '中新社', place: '上海', suffix: '电' });
  });

  it('reads 据…报道', () => {
    expect(parseDateline('据新华社北京3月4日电报道，会议')).toMatchObject({ agency: '新华社', place: '北京', date: '3月4日', suffix: '报道' });
    expect(parseDateline('据人民网报道：今年')).toMatchObject({ agency: '人民网', place: '', suffix: '报道' });
    expect(parseDateline('据了解,太白湖新区共有5个项目集中开工')).toBeNull();
  });

  it('accepts any spacing: none, ASCII, no-break, ideographic', () => {
    for (const space of ['', ' ', '\u00a0', '\u3000', '  ']) {
      const d = parseDateline(`本报讯（通讯员${space}刘春雷）正文`);
      expect(d?.credits).toEqual([{ role: '通讯员', names: ['刘春雷'] }]);
    }
    expect(parseDateline('本报讯 （记者 甲某）正文')?.credits).toEqual([{ role: '记者', names: ['甲某'] }]);
  });

  it('parses credit lists on their own', () => {
    expect(parseCredits('本报记者 王五 实习生 赵六')).toEqual([{ role: '本报记者', names: ['王五'] }, { role: '实习生', names: ['赵六'] }]);
    expect(parseCredits('记者王五')).toEqual([{ role: '记者', names: ['王五'] }]);
    expect(parseCredits('统战')).toBeNull();
  });

  it('rejects text that merely starts like a dateline', () => {
    expect(parseDateline('本报记者日前走访了')).toBeNull();
    expect(parseDateline('今年是新区转型发展的关键之年。')).toBeNull();
  });
});
