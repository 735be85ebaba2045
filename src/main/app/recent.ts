import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { nodeFs, writeFileAtomic } from '../store';

// 最近打开: the issue folders this user opened, newest first, kept in the profile as recent.json. Plain Node
// so it is tested without Electron; the glue adds to it when an issue opens and rebuilds the menu.

export const MAX_RECENT = 10;

/** The list with `dir` moved (or added) to the front, without duplicates, at most `max` long. */
export function addRecent(list: readonly string[], dir: string, max = MAX_RECENT): string[] {
  const abs = path.resolve(dir);
  return [abs, ...list.filter((d) => path.resolve(d) !== abs)].slice(0, max);
}

/** A missing or damaged file is an empty list: the menu must never keep the app from starting. */
export async function loadRecent(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const data: unknown = JSON.parse(text);
    const list = typeof data === 'object' && data !== null ? (data as { issues?: unknown }).issues : undefined;
    if (!Array.isArray(list)) return [];
    return list.filter((d): d is string => typeof d === 'string' && path.isAbsolute(d) && !d.includes('\0')).slice(0, MAX_RECENT);
  } catch {
    return [];
  }
}

export async function saveRecent(file: string, list: readonly string[]): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(nodeFs, file, JSON.stringify({ issues: list }, null, 2) + '\n');
}

const OPENING_CHANNELS = new Set(['issue:open', 'issue:create', 'issue:openSample', 'issue:openAtLaunch']);

/** The issue folder a successful IPC call opened, if it was one that opens an issue. */
export function openedIssueDir(channel: unknown, result: unknown): string | null {
  if (typeof channel !== 'string' || !OPENING_CHANNELS.has(channel)) return null;
  const r = result as { ok?: unknown; value?: { dir?: unknown } } | null;
  if (!r || r.ok !== true || typeof r.value?.dir !== 'string') return null;
  return r.value.dir;
}

/** What the menu shows for a folder: its name, with the parent when two share a name. */
export function recentLabels(list: readonly string[]): string[] {
  const names = list.map((d) => path.basename(d));
  return list.map((d, i) => (names.filter((n) => n === names[i]).length > 1 ? `${names[i]}（${path.basename(path.dirname(d))}）` : names[i]!));
}
