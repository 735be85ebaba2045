import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  BROADSHEET, TABLOID, DEFAULT_HOUSE, DEFAULT_STYLES, SCHEMA_VERSION, IssueSchema, fieldErrors, mmToPt,
  type Geometry, type IssueMeta,
} from '../../core/model';
import { writeFileAtomic } from './atomic';
import { StoreError, ioError } from './errors';
import { errnoCode } from './fs-port';
import { ASSETS_DIR, CONFLICTS_DIR, HISTORY_DIR, ISSUE_FILE, JOURNAL_DIR, LOCKS_DIR, STORIES_DIR } from './paths';
import { recordSnapshot } from './history';
import { defaultEnv, serialize, type StoreEnv } from './env';

export type PageSize = 'broadsheet' | 'tabloid' | { widthMm: number; heightMm: number };

export interface CreateIssueOptions {
  paper: string;
  date: string;
  pages: number;
  size: PageSize;
  issueNumber?: string;
  edition?: string;
  env?: StoreEnv;
}

/** `broadsheet`, `tabloid` or `<w>x<h>mm` (also `×`), as typed on the command line. */
export function parsePageSize(text: string): PageSize {
  const t = text.trim().toLowerCase();
  if (t === 'broadsheet' || t === '对开') return 'broadsheet';
  if (t === 'tabloid' || t === '四开') return 'tabloid';
  const m = /^(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*mm$/.exec(t);
  if (!m) throw new StoreError('invalid', '--size', `无法识别的版面尺寸「${text}」：应为 broadsheet、tabloid 或 <宽>x<高>mm`);
  const widthMm = Number(m[1]);
  const heightMm = Number(m[2]);
  if (widthMm < 50 || heightMm < 50 || widthMm > 2000 || heightMm > 2000) throw new StoreError('invalid', '--size', `版面尺寸 ${widthMm}×${heightMm}mm 超出范围（50–2000mm）`);
  return { widthMm, heightMm };
}

/**
 * A grid for a custom trim: body type 小五 (9 pt) on an 11.25 pt pitch like the presets, a type area of
 * about 90 % of the trim, and columns of about 13 characters (what readers of Chinese papers are used to).
 */
export function geometryFor(size: PageSize): Geometry {
  if (size === 'broadsheet') return { ...BROADSHEET };
  if (size === 'tabloid') return { ...TABLOID };
  const bodySizePt = 9;
  const pitchPt = 11.25;
  const gutterChars = 1;
  const widthChars = Math.floor((mmToPt(size.widthMm) * 0.9) / bodySizePt);
  const columns = Math.max(1, Math.min(20, Math.round((widthChars + gutterChars) / 14)));
  const charsPerColumn = Math.max(1, Math.floor((widthChars - (columns - 1) * gutterChars) / columns));
  const lines = Math.max(1, Math.floor((mmToPt(size.heightMm) * 0.9 - bodySizePt) / pitchPt) + 1);
  return { preset: 'custom', trimWidthMm: size.widthMm, trimHeightMm: size.heightMm, bodySizePt, pitchPt, columns, charsPerColumn, gutterChars, lines };
}

export function newIssueMeta(opts: Omit<CreateIssueOptions, 'env'>): IssueMeta {
  if (!Number.isInteger(opts.pages) || opts.pages < 1 || opts.pages > 200) throw new StoreError('invalid', '--pages', `版数 ${opts.pages} 无效：应为 1–200 的整数`);
  const day = new Date(`${opts.date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== opts.date) {
    throw new StoreError('invalid', '--date', `日期「${opts.date}」不存在（应为 YYYY-MM-DD）`);
  }
  const pad = opts.pages >= 100 ? 3 : 2;
  const raw = {
    schemaVersion: SCHEMA_VERSION,
    id: `${opts.date}-${randomBytes(3).toString('hex')}`,
    paper: opts.paper,
    date: opts.date,
    issueNumber: opts.issueNumber ?? '',
    edition: opts.edition ?? '',
    geometry: geometryFor(opts.size),
    house: DEFAULT_HOUSE,
    styles: DEFAULT_STYLES,
    pages: Array.from({ length: opts.pages }, (_, i) => ({ id: `p${String(i + 1).padStart(pad, '0')}`, number: String(i + 1).padStart(2, '0') })),
    storyIds: [],
    assets: [],
    sample: false,
  };
  const r = IssueSchema.safeParse(raw);
  if (!r.success) throw new StoreError('invalid', ISSUE_FILE, '新期刊信息无效', { fields: fieldErrors(r.error) });
  return r.data;
}

export const ISSUE_DIRS = [STORIES_DIR, ASSETS_DIR, LOCKS_DIR, JOURNAL_DIR, HISTORY_DIR, CONFLICTS_DIR] as const;

/** Make a new, empty issue folder; refuses a folder that already has anything in it. */
export async function createIssue(dir: string, opts: CreateIssueOptions): Promise<IssueMeta> {
  const env = opts.env ?? defaultEnv();
  const root = path.resolve(dir);
  const meta = newIssueMeta(opts);
  try {
    const names = await env.fs.readdir(root);
    if (names.length > 0) throw new StoreError('exists', root, '文件夹已存在且不是空的，不会覆盖');
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (errnoCode(e) === 'ENOTDIR') throw new StoreError('exists', root, '同名文件已存在');
    if (errnoCode(e) !== 'ENOENT') throw ioError(root, '检查文件夹', e);
  }
  try {
    for (const d of ISSUE_DIRS) await env.fs.mkdir(path.join(root, d));
  } catch (e) {
    throw ioError(root, '创建文件夹', e);
  }
  const text = serialize(meta);
  await writeFileAtomic(env.fs, path.join(root, ISSUE_FILE), text, ISSUE_FILE);
  await recordSnapshot(env, root, 'full', '新建期刊', [{ rel: ISSUE_FILE, bytes: Buffer.from(text, 'utf8') }]);
  return meta;
}
