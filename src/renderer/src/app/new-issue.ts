import { type Payload } from '../../../preload/api';
import { type MessageKey } from '../i18n/messages';

// 新建期刊 as plain data: what the form starts with, the folder it proposes, and the one function that turns
// what was typed into an `issue:create` payload or the reasons (message keys, shown in the UI language)
// why not. The main process checks everything again; this is what lets the form say so before it asks.

export type SizePreset = 'broadsheet' | 'tabloid';

export interface NewIssueDraft {
  paper: string;
  /** YYYY-MM-DD */
  date: string;
  /** As typed: checked to be a whole number 1–200. */
  pages: string;
  size: SizePreset;
  /** An absolute folder, or a name that lands in `location`. */
  folder: string;
  /** Where a new folder goes: the documents folder, or one the user chose (选择位置…). */
  location: string;
  /** False until the user types a folder: until then it follows the paper name and date. */
  folderEdited: boolean;
}

export type DraftField = 'paper' | 'date' | 'pages' | 'folder';

export interface DraftProblem {
  field: DraftField;
  key: MessageKey;
  vars?: Record<string, string | number>;
}

export const MAX_PAGES = 200;

/** The local calendar day (a night shift makes tomorrow's paper, but the day it opens the form is the safe guess). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** Joins with the separator the folder already uses (the main process decides the platform's). */
export function joinFolder(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

/** Characters no file system takes in a folder name (Windows is the strictest), and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be left out
const UNSAFE_NAME = /[<>:"/\\|?*\u0000-\u001f]/g;

/** `<documents>/济宁日报-2024-03-08`: one folder per paper and day, named so a person finds it. */
export function suggestFolder(documentsDir: string, paper: string, date: string): string {
  const name = `${paper.trim().replace(UNSAFE_NAME, '') || '新期刊'}-${date}`;
  return joinFolder(documentsDir, name);
}

export function initialDraft(documentsDir: string, now: Date): NewIssueDraft {
  const date = localDate(now);
  return { paper: '', date, pages: '8', size: 'broadsheet', folder: suggestFolder(documentsDir, '', date), location: documentsDir, folderEdited: false };
}

/** The last part of a path, whichever separator it uses. */
export function folderName(p: string): string {
  return p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
}

/** One field changed: the proposed folder follows the paper and date until the user names one. */
export function editDraft(draft: NewIssueDraft, change: Partial<Omit<NewIssueDraft, 'folderEdited' | 'location'>>): NewIssueDraft {
  const next = { ...draft, ...change };
  if ('folder' in change) return { ...next, folderEdited: change.folder !== suggestFolder(next.location, next.paper, next.date) };
  if (!draft.folderEdited) next.folder = suggestFolder(next.location, next.paper, next.date);
  return next;
}

/** 选择位置…: the folder moves into the chosen one, keeping its name. */
export function chooseLocation(draft: NewIssueDraft, location: string): NewIssueDraft {
  const name = folderName(draft.folder.trim()) || folderName(suggestFolder(location, draft.paper, draft.date));
  const folder = draft.folderEdited ? joinFolder(location, name) : suggestFolder(location, draft.paper, draft.date);
  return { ...draft, location, folder };
}

function dateProblem(date: string): DraftProblem | null {
  const t = date.trim();
  if (t === '') return { field: 'date', key: 'newIssue.dateMissing' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return { field: 'date', key: 'newIssue.dateFormat', vars: { date: t } };
  const day = new Date(`${t}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== t) return { field: 'date', key: 'newIssue.dateInvalid', vars: { date: t } };
  return null;
}

/** The `issue:create` payload, or every reason it cannot be made yet. */
export function newIssuePayload(draft: NewIssueDraft): { ok: true; payload: Payload<'issue:create'> } | { ok: false; problems: DraftProblem[] } {
  const problems: DraftProblem[] = [];
  const paper = draft.paper.trim();
  if (paper === '') problems.push({ field: 'paper', key: 'newIssue.paperMissing' });
  else if (paper.length > 100) problems.push({ field: 'paper', key: 'newIssue.paperTooLong' });
  const date = dateProblem(draft.date);
  if (date) problems.push(date);
  const pagesText = draft.pages.trim();
  const pages = /^\d+$/.test(pagesText) ? Number(pagesText) : NaN;
  if (!Number.isInteger(pages) || pages < 1 || pages > MAX_PAGES) problems.push({ field: 'pages', key: 'newIssue.pagesInvalid', vars: { pages: pagesText, max: MAX_PAGES } });
  const folderText = draft.folder.trim();
  let folder = '';
  if (folderText === '') problems.push({ field: 'folder', key: 'newIssue.folderMissing' });
  else if (folderText.includes('\0')) problems.push({ field: 'folder', key: 'newIssue.folderInvalid' });
  else folder = isAbsolutePath(folderText) ? folderText : joinFolder(draft.location, folderText);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, payload: { path: folder, paper, date: draft.date.trim(), pages, size: draft.size } };
}
