import type { Story } from '../../core/model';
import { listLocks, listTakeovers, type LockInfo, type TakeoverRecord } from './locks';
import { openIssue, type Finding, type OpenedIssue, type RecoveryOffer } from './open';
import type { StoreErrorInfo } from './errors';
import { defaultEnv, type StoreEnv } from './env';

/** Characters of running text in a story body (whitespace not counted), for the budget's 字数. */
export function bodyChars(story: Story): number {
  let n = 0;
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const o = node as { text?: unknown; children?: unknown };
    if (typeof o.text === 'string') n += o.text.replace(/\s/gu, '').length;
    if (Array.isArray(o.children)) o.children.forEach(walk);
  };
  walk(story.body.root);
  return n;
}

export interface IssueSummary {
  dir: string;
  paper: string;
  date: string;
  issueNumber: string;
  schemaVersion: number;
  readOnlyReason: string | null;
  geometry: OpenedIssue['meta']['geometry'];
  pages: { id: string; number: string; name: string; frames: number; stories: string[] }[];
  stories: { id: string; slug: string; kind: string; status: string; author: string; revision: number; chars: number; photos: number; onPages: string[] }[];
  assets: number;
  locks: LockInfo[];
  takeovers: TakeoverRecord[];
  problems: StoreErrorInfo[];
  findings: Finding[];
  recovery: RecoveryOffer[];
}

/** Everything `yeban info` shows, read without changing the folder. */
export async function summarizeIssue(dir: string, env: StoreEnv = defaultEnv()): Promise<IssueSummary> {
  const o = await openIssue(dir, { env, readOnly: true });
  const onPages = new Map<string, string[]>();
  const pages = o.meta.pages.map((p) => {
    const ids = [...new Set(p.frames.flatMap((f) => ('storyId' in f && f.storyId ? [f.storyId] : [])))];
    for (const id of ids) onPages.set(id, [...(onPages.get(id) ?? []), p.number]);
    return { id: p.id, number: p.number, name: p.name, frames: p.frames.length, stories: ids };
  });
  const stories = o.meta.storyIds.flatMap((id) => {
    const s = o.stories[id];
    return s ? [{ id, slug: s.slug, kind: s.kind, status: s.status, author: s.author, revision: s.revision, chars: bodyChars(s), photos: s.photos.length, onPages: onPages.get(id) ?? [] }] : [];
  });
  const locks = await listLocks(env, o.dir);
  const findings = [...o.findings];
  for (const l of locks) {
    if (l.stale) findings.push({ level: 'info', file: `.yeban/locks/${l.kind}-${l.id}.lock`, message: `${l.user}（${l.host}）的锁已失效：${l.staleReason}，下次编辑时会被接管` });
  }
  for (const r of o.recovery) findings.push({ level: 'warning', file: `.yeban/journal/${r.storyId}.json`, message: `稿件「${r.slug}」有 ${r.at} 自动保存的未保存修改，打开时可恢复` });
  return {
    dir: o.dir, paper: o.meta.paper, date: o.meta.date, issueNumber: o.meta.issueNumber, schemaVersion: o.meta.schemaVersion,
    readOnlyReason: o.readOnlyReason, geometry: o.meta.geometry, pages, stories, assets: o.meta.assets.length, locks,
    takeovers: await listTakeovers(env, o.dir), problems: o.problems, findings, recovery: o.recovery,
  };
}
