import { type ImportNote } from '../model/story';

export type { ImportNote };

/** A decision recorded while one paragraph or line is processed; offsets are local to that text. */
export interface LocalNote {
  rule: string;
  offset: number;
  before: string;
  after: string;
}

/**
 * What each import rule means, in the words the review panel and the CLI show the editor.
 * Every rule the importer can emit is listed here (a test checks it).
 */
export const IMPORT_RULES: Record<string, string> = {
  'punct.fullwidth': '汉字旁的半角标点改为全角',
  'punct.quote': '半角引号改为中文引号',
  'space.fullwidth': '汉字之间的半角空格改为全角空格',
  'join.column-break': '合并被分栏截断的段落（未加空格，请核对）',
  'space.trim': '删除段首段尾空格',
  'dateline.parsed': '识别电头',
  'dateline.space': '删除电头后的空格',
  'headline.main': '识别为主题',
  'headline.kicker': '识别为引题',
  'headline.sub': '识别为副题',
  'headline.space': '标题两部分之间的半角空格改为全角空格',
  'headline.distributed': '分栏提取的文本中多个标题排在正文之前，按顺序分配给后面的稿件',
  'headline.none': '未找到标题',
  'byline.interview': '识别为采访署名',
  'note.editor': '识别为编者按',
  'subhead': '识别为小标题',
  'runin': '识别为段首小标题',
  'runin.split': '在并列的段首小标题前拆分段落',
  'photo.credit': '识别为图片署名',
  'photo.caption': '识别为图片说明',
  'photo.awaiting': '有署名或说明而无图片：建立待补图片',
  'photo.file': '配上图片文件',
  'photo.attached': '无说明的图片署名归入上一篇稿件',
  'segment.body-before-headline': '分栏提取的文本中正文排在标题之前，已移到该标题下（请核对分界）',
  'section.banner': '识别为专栏标题',
  'section.label': '识别为栏目标签',
};
