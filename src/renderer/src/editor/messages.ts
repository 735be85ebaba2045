import { type Locale } from '../i18n/messages';

// The story editor's own strings, in the app's locales. Kept beside the editor so it can be reviewed
// and tested as one part (test/editor/messages.test.ts checks both tables have every key).

const zhCN = {
  'editor.label': '稿件正文',
  'editor.placeholder': '在此输入正文……',
  'toolbar.label': '正文格式',
  'toolbar.paragraphStyle': '段落样式',
  'toolbar.charStyle': '字符样式',
  'toolbar.charStyleNone': '（无字符样式）',
  'toolbar.bold': '加粗',
  'toolbar.subhead': '小标题',
  'toolbar.dateline': '电头',
  'toolbar.undo': '撤销',
  'toolbar.redo': '重做',
  'dateline.title': '电头',
  'dateline.agency': '发稿单位',
  'dateline.place': '地点',
  'dateline.date': '日期',
  'dateline.suffix': '结尾',
  'dateline.suffixAuto': '自动（本报用“讯”，其他用“电”）',
  'dateline.credits': '署名',
  'dateline.creditsHint': '如：通讯员　刘春雷　记者　张三',
  'dateline.preview': '预览',
  'dateline.save': '确定',
  'dateline.remove': '删除电头',
  'dateline.cancel': '取消',
  'dateline.agencyMissing': '请填写发稿单位（如“本报”“新华社”）',
  'dateline.creditsInvalid': '署名无法识别：请写成“身份　姓名”，如“通讯员　刘春雷”',
  'dateline.invalid': '电头无效：{reason}',
  'form.headline': '标题',
  'form.kicker': '引题',
  'form.main': '主题',
  'form.sub': '副题',
  'form.linesHint': '每行一行标题',
  'form.photos': '图片',
  'form.photo': '图片 {n}',
  'form.caption': '图片说明',
  'form.credit': '摄影署名',
  'form.creditHint': '■通讯员　万众　摄',
  'form.photoMissing': '图片待到',
} as const;

export type EditorMessageKey = keyof typeof zhCN;

const en: Record<EditorMessageKey, string> = {
  'editor.label': 'Story body',
  'editor.placeholder': 'Type the story here…',
  'toolbar.label': 'Body formatting',
  'toolbar.paragraphStyle': 'Paragraph style',
  'toolbar.charStyle': 'Character style',
  'toolbar.charStyleNone': '(no character style)',
  'toolbar.bold': 'Bold',
  'toolbar.subhead': 'Sub-head',
  'toolbar.dateline': 'Dateline',
  'toolbar.undo': 'Undo',
  'toolbar.redo': 'Redo',
  'dateline.title': 'Dateline',
  'dateline.agency': 'Agency',
  'dateline.place': 'Place',
  'dateline.date': 'Date',
  'dateline.suffix': 'Ending',
  'dateline.suffixAuto': 'Automatic (讯 for 本报, else 电)',
  'dateline.credits': 'Credits',
  'dateline.creditsHint': 'e.g. 通讯员　刘春雷　记者　张三',
  'dateline.preview': 'Preview',
  'dateline.save': 'OK',
  'dateline.remove': 'Remove dateline',
  'dateline.cancel': 'Cancel',
  'dateline.agencyMissing': 'Enter the agency (e.g. 本报, 新华社)',
  'dateline.creditsInvalid': 'Credits not understood: write role then names, e.g. 通讯员　刘春雷',
  'dateline.invalid': 'Invalid dateline: {reason}',
  'form.headline': 'Headline',
  'form.kicker': 'Kicker (引题)',
  'form.main': 'Main head (主题)',
  'form.sub': 'Subtitle (副题)',
  'form.linesHint': 'One headline line per line',
  'form.photos': 'Photos',
  'form.photo': 'Photo {n}',
  'form.caption': 'Caption',
  'form.credit': 'Photo credit',
  'form.creditHint': '■通讯员　万众　摄',
  'form.photoMissing': 'Photo awaited',
};

export const EDITOR_MESSAGES: Record<Locale, Record<EditorMessageKey, string>> = { 'zh-CN': zhCN, en };

/** `{name}` placeholders are filled from `vars`. */
export function editorText(locale: Locale, key: EditorMessageKey, vars: Record<string, string | number> = {}): string {
  return EDITOR_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
