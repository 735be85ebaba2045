// Constructed copy in the forms the night desk receives (the names and figures are invented).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
/** shared/ stands beside the checkout (../shared); a worktree one level deeper finds it further up. */
function sharedSample(name: string): string {
  for (let dir = ROOT; ; dir = path.dirname(dir)) {
    const file = path.join(path.dirname(dir), 'shared/samples', name);
    if (existsSync(file) || path.dirname(dir) === dir) return file;
  }
}
export const SAMPLE_TXT = sharedSample('taibaihu-page.txt');
export const SAMPLE_ISSUE = path.join(ROOT, 'resources/sample/2024-03-08-太白湖新区.yeban');

export function samplePage(): string {
  return readFileSync(SAMPLE_TXT, 'utf8');
}

/** Wire copy: main + 副题, 新华社 dateline with two reporters, full-width punctuation already. */
export const WIRE = `春耕备耕有序推进
——多地抢抓农时保障粮食生产

新华社北京3月4日电（记者\u3000王某某\u3000李某）眼下正值春耕备耕关键时节，各地抢抓农时，加快推进小麦田间管理。

农业农村部有关负责人表示，今年将稳定粮食播种面积，确保全年粮食产量保持在1.3万亿斤以上。
`;

/** An interview: headline, 职务 姓名, question-and-answer body. */
export const INTERVIEW = `做强特色产业 带动群众增收

某某县县长 陈立新

记者:今年县里在产业发展上有哪些打算?

陈立新:我们将围绕特色种植、农产品加工两条主线,推动一二三产业融合发展。

记者:如何让群众分享发展成果?

陈立新:重点是完善联农带农机制,让群众在家门口就业增收。
`;

/** Photo stories: one with its credit on its own line, one with the credit at the end of the caption. */
export const PHOTOS = `春到田间

3月5日,农民在田间管理小麦。

本报记者 张三 摄



游客赏花

3月6日,游客在公园赏花。(新华社记者 李四 摄)
`;

/** ASCII-punctuated copy in reading order: 引题 + 主题 + 副题, several reporters, ASCII quotes. */
export const ASCII = `聚焦高质量发展
我市一季度经济运行稳中向好
——规上工业增加值同比增长8.5%

本报讯(记者 王五 通讯员 赵六 钱七)记者从市统计局获悉,今年一季度,全市地区生产总值增长6.2%,"开门红"成色足。

其中,规上工业增加值增长8.5%;社会消费品零售总额增长7.1%!下一步,将聚焦"2+3+N"产业体系,总投资16.2亿元。
`;

/** PDF column order: two headlines before both bodies, a body cut by a column break, a lone credit. */
export const PDF = `

城区道路改造启动

老旧小区加装电梯

本报临沂讯(通讯员 周明)3月1日,城区12条道路改造工程启动,总长度约15公里,计划年内全部完工。

工程完工后,将有效缓解城区交通压力,提升群众出行的便捷

性和安全性。

本报临沂讯(通讯员 吴芳 郑亮)今年,全市计划为200个老旧小区加装电梯,惠及居民1.2万户。

■通讯员 吴芳 摄

便民服务进社区

本报临沂讯(通讯员 孙丽)近日,便民服务活动在某社区举行。

义诊咨询

医生们为居民测量血压、讲解健康知识。

法律服务

律师们现场解答群众关心的法律问题。
`;

/** A 专栏 with an editor's note. */
export const NOTE = `作风建设年·专题访谈

编者按:今年是作风建设年,本报推出专题访谈,敬请关注!

抓落实 促发展

某某镇党委书记 刘洋

抓实干、强执行,推动重点工作落地见效。全镇上下聚焦重点项目,倒排工期。

优服务、解难题,营造一流营商环境。持续深化"一次办好"改革。
`;
