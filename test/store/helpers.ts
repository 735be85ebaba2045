import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bodyOf, paragraphNode, StorySchema, textNode, type Story } from '../../src/core/model';
import { addStory, createIssue, defaultEnv, nodeFs, type FsPort, type StoreEnv } from '../../src/main/store';

const made: string[] = [];

export function tempDir(prefix = 'yeban-store-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

export function cleanupTemp(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function makeStory(id: string, text = '本报讯　太白湖新区今天召开会议。', extra: Partial<Story> = {}): Story {
  return StorySchema.parse({
    id, slug: `稿件${id}`, kind: '消息', headline: { main: [`标题${id}`] }, body: bodyOf([paragraphNode([textNode(text)])]), ...extra,
  });
}

/** A small valid issue made through the store itself. */
export async function makeIssue(dir: string, storyIds: string[] = ['a1', 'b2'], env: StoreEnv = defaultEnv()): Promise<string> {
  await createIssue(dir, { paper: '济宁日报', date: '2024-03-08', pages: 4, size: 'broadsheet', env });
  for (const id of storyIds) await addStory(dir, makeStory(id), { env });
  return dir;
}

export type FaultOp = 'open' | 'write' | 'sync' | 'rename' | 'readFile' | 'unlink' | 'mkdir';

export interface FaultRule {
  op: FaultOp;
  code: string;
  /** Only paths for which this holds fail (default: all). */
  match?: (p: string) => boolean;
}

export function errno(code: string, op: string, p: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected failure, ${op} '${p}'`) as NodeJS.ErrnoException;
  e.code = code;
  e.syscall = op;
  e.path = p;
  return e;
}

/**
 * The store's fs with one step made to fail the way disks fail. Failures are decided per call, so a rule
 * can target the temp file of a story save (open/write/sync), the rename over it, or the folder fsync.
 */
export function faultyFs(rule: FaultRule, base: FsPort = nodeFs): FsPort & { hits: number } {
  const port = {
    ...base,
    hits: 0,
  } as FsPort & { hits: number };
  const hit = (op: FaultOp, p: string): boolean => {
    if (rule.op !== op || (rule.match && !rule.match(p))) return false;
    port.hits++;
    return true;
  };
  port.open = async (p, mode) => {
    if (hit('open', p)) throw errno(rule.code, 'open', p);
    const h = await base.open(p, mode);
    return {
      write: async (d) => {
        if (hit('write', p)) {
          // A disk that fills up mid-write leaves a partial file behind: write half, then fail.
          await h.write(d.subarray(0, Math.floor(d.byteLength / 2)));
          throw errno(rule.code, 'write', p);
        }
        return h.write(d);
      },
      sync: async () => {
        if (hit('sync', p)) throw errno(rule.code, 'fsync', p);
        return h.sync();
      },
      close: () => h.close(),
    };
  };
  port.rename = async (a, b) => {
    if (hit('rename', b)) throw errno(rule.code, 'rename', b);
    return base.rename(a, b);
  };
  port.readFile = async (p) => {
    if (hit('readFile', p)) throw errno(rule.code, 'read', p);
    return base.readFile(p);
  };
  port.unlink = async (p) => {
    if (hit('unlink', p)) throw errno(rule.code, 'unlink', p);
    return base.unlink(p);
  };
  port.mkdir = async (p) => {
    if (hit('mkdir', p)) throw errno(rule.code, 'mkdir', p);
    return base.mkdir(p);
  };
  return port;
}

export function envWith(over: Partial<StoreEnv>): StoreEnv {
  return defaultEnv(over);
}
