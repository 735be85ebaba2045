import { type Payload } from '../../../preload/api';

// The export dialog's choices as plain data, and the one function that turns them into an `export:pdf`
// payload or a reason (Chinese, for the dialog) why not.

export interface ExportForm {
  scope: 'all' | 'pages';
  /** '1,3-4': positions from 1, as the flat plan counts them. */
  pageList: string;
  pdfx: '1a' | 'none';
  marks: boolean;
  bleedMm: string;
  split: boolean;
  force: boolean;
  output: string;
}

/** Joins with the separator the folder already uses (the main process decides the platform's). */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/** `<documents>/导出/20240308.pdf` for the whole issue, or the folder itself for one PDF per page. */
export function defaultOutput(dir: string, issueDate: string, split: boolean): string {
  if (split) return joinPath(dir, issueDate.replaceAll('-', ''));
  return joinPath(dir, `${issueDate.replaceAll('-', '')}.pdf`);
}

export function initialForm(dir: string, issueDate: string): ExportForm {
  return { scope: 'all', pageList: '', pdfx: '1a', marks: true, bleedMm: '3', split: false, force: false, output: defaultOutput(dir, issueDate, false) };
}

/** '1,3-4' → [0, 2, 3]; a reason when it cannot be read or names a page the issue lacks. */
export function parsePages(spec: string, count: number): number[] | string {
  const out = new Set<number>();
  const parts = spec.split(/[,，、]/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return '请填写要导出的版面，例如 1,3-4';
  for (const part of parts) {
    const m = /^(\d+)(?:\s*[-–~～]\s*(\d+))?$/.exec(part);
    if (!m) return `版面写法不对：“${part}”（例：1,3-4）`;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) return `版面范围不对：“${part}”`;
    if (b > count) return `本期只有 ${count} 个版面，没有第 ${b} 个`;
    for (let i = a; i <= b; i++) out.add(i - 1);
  }
  return [...out].sort((x, y) => x - y);
}

const isAbsolute = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

export function exportPayload(form: ExportForm, sessionId: string, jobId: string, pageCount: number): Payload<'export:pdf'> | string {
  const output = form.output.trim();
  if (output === '') return '请填写输出位置';
  if (!isAbsolute(output)) return `输出位置须是完整路径：${output}`;
  const toFile = /\.pdf$/i.test(output);
  if (form.split && toFile) return '每版一个 PDF 时，输出位置应是文件夹，不是 .pdf 文件';
  if (!form.split && !toFile) return '整期一个 PDF 时，输出位置应以 .pdf 结尾';
  const bleed = Number(form.bleedMm);
  if (form.bleedMm.trim() === '' || !Number.isFinite(bleed) || bleed < 0 || bleed > 20) return `出血须是 0–20 之间的毫米数：${form.bleedMm}`;
  let pages: number[] | undefined;
  if (form.scope === 'pages') {
    const parsed = parsePages(form.pageList, pageCount);
    if (typeof parsed === 'string') return parsed;
    pages = parsed;
  }
  return {
    sessionId, jobId, pdfx: form.pdfx, marks: form.marks, bleedMm: bleed, split: form.split, force: form.force, output,
    ...(pages ? { pages } : {}),
  };
}
