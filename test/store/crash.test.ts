// Fault injection (a): a child process saves one story continuously (1 KB – 1 MB payloads) and is killed
// with SIGKILL at a uniformly random moment, 200 times over the same issue. Every reopen must succeed with
// no corrupt file, and what is lost must be at most the last autosave interval.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIssue, pruneHistory, readJournal, defaultEnv, nodeFs } from '../../src/main/store';
import { buildChild } from './children/build';
import { cleanupTemp, makeIssue, tempDir } from './helpers';

const CYCLES = Number(process.env.YEBAN_CRASH_CYCLES ?? 200);
const AUTOSAVE_MS = 100;
/** Kill moments are uniform over this window after the child reports it is saving. */
const WINDOW_MS = 500;

let child = '';
beforeAll(async () => {
  child = await buildChild('saver');
});
afterAll(() => {
  rmSync(child, { force: true });
  cleanupTemp();
});

interface CycleLog {
  edits: Map<number, number>; // seq → time
  /** Temp files opened and never renamed: the kill landed inside that write. */
  openWrites: string[];
  /** Highest edit seq whose write (story file or journal) completed. */
  durableSeq: number;
  /** Longest journal write seen (open → rename), ms. */
  maxJournalWriteMs: number;
  /** When each story or journal write the kill interrupted was opened (its time so far is part of the loss). */
  openStoryOrJournalAt: number[];
  /** How late the child's timers ran at worst, ms (its autosave timer is one of them). */
  maxTimerLagMs: number;
  lines: number;
}

const isStoryOrJournalTemp = (temp: string): boolean => /(stories|journal)[/\\]\.a1\.json/.test(temp);

function parse(out: string): CycleLog {
  const edits = new Map<number, number>();
  const opened = new Map<string, number>();
  const carries = new Map<string, number>();
  let durableSeq = 0;
  let maxJournalWriteMs = 0;
  let maxTimerLagMs = 0;
  const lines = out.split('\n').filter(Boolean);
  for (const line of lines) {
    const [tag, a, b, c] = line.split(' ');
    if (tag === 'E') edits.set(Number(a), Number(b));
    else if (tag === 'S') durableSeq = Math.max(durableSeq, Number(a)); // saveStory returned
    else if (tag === 'O') opened.set(a!, Number(b));
    else if (tag === 'L') maxTimerLagMs = Math.max(maxTimerLagMs, Number(a));
    else if (tag === 'D' && b !== '-') carries.set(a!, Number(b));
    else if (tag === 'R') {
      const t0 = opened.get(a!);
      opened.delete(a!);
      const seq = carries.get(a!);
      if (seq !== undefined && (b!.endsWith(`${path.sep}a1.json`))) {
        durableSeq = Math.max(durableSeq, seq);
        if (b!.includes(`${path.sep}journal${path.sep}`) && t0 !== undefined) maxJournalWriteMs = Math.max(maxJournalWriteMs, Number(c) - t0);
      }
    }
  }
  // A temp file opened and never renamed is a write the kill interrupted (lock files are created in place).
  const openWrites = [...opened.keys()].filter((t) => t.includes('.yeban-tmp-'));
  const openStoryOrJournalAt = openWrites.filter(isStoryOrJournalTemp).map((t) => opened.get(t)!);
  return { edits, openWrites, durableSeq, maxJournalWriteMs, openStoryOrJournalAt, maxTimerLagMs, lines: lines.length };
}

function runCycle(dir: string, seed: number, firstSeq: number): Promise<{ out: string; killedAfterMs: number; killAt: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dir, String(seed), String(AUTOSAVE_MS), String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const t0 = Date.now();
    let err = '';
    let killAt = 0;
    let killedAfterMs = 0;
    p.stdout.setEncoding('utf8');
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (d: string) => { err += d; });
    p.stdout.on('data', (d: string) => {
      const ready = !out.includes('READY') && (out + d).includes('READY');
      out += d;
      if (ready) {
        startupMs.push(Date.now() - t0);
        killedAfterMs = Math.random() * WINDOW_MS;
        setTimeout(() => {
          killAt = Date.now();
          p.kill('SIGKILL');
        }, killedAfterMs);
      }
    });
    p.on('error', reject);
    p.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended by itself (code ${code}): ${err}`));
      else resolve({ out, killedAfterMs, killAt });
    });
  });
}

const startupMs: number[] = [];
const seqOf = (slug: string): number => (slug.startsWith('seq-') ? Number(slug.slice(4)) : 0);

interface LaneTotals {
  midWrite: number;
  midStoryOrJournal: number;
  tempsRemoved: number;
  recoveredFromJournal: number;
  worstLossMs: number;
  edits: number;
}

/** One issue folder, killed `cycles` times in a row; two lanes run side by side (CI has two cores). */
async function lane(name: string, cycles: number, firstCycle: number): Promise<LaneTotals> {
  const dir = await makeIssue(path.join(tempDir('yeban-crash-'), `${name}.yeban`), ['a1']);
  const env = defaultEnv();
  const t: LaneTotals = { midWrite: 0, midStoryOrJournal: 0, tempsRemoved: 0, recoveredFromJournal: 0, worstLossMs: 0, edits: 0 };
  for (let i = 0; i < cycles; i++) {
    const cycle = firstCycle + i;
    const { out, killAt } = await runCycle(dir, cycle * 7919 + 1, (cycle + 1) * 1_000_000);
    const log = parse(out);
    t.edits += log.edits.size;
    if (log.openWrites.length > 0) t.midWrite++;
    if (log.openStoryOrJournalAt.length > 0) t.midStoryOrJournal++;

    const o = await openIssue(dir, { env });
    expect(o.problems, `cycle ${cycle}`).toEqual([]);
    expect(o.findings.filter((x) => x.level === 'warning'), `cycle ${cycle}`).toEqual([]);
    t.tempsRemoved += o.tempFilesRemoved;
    expect(readdirSync(path.join(dir, 'stories')).filter((n) => n !== 'a1.json'), `cycle ${cycle}: leftovers`).toEqual([]);
    const saved = seqOf(o.stories.a1!.slug);
    let recovered = saved;
    if (o.recovery.some((r) => r.storyId === 'a1')) {
      const j = await readJournal(env, dir, 'a1');
      expect(j, `cycle ${cycle}: recovery offered but journal unreadable`).not.toBeNull();
      if (seqOf(j!.story.slug) > saved) t.recoveredFromJournal++;
      recovered = Math.max(saved, seqOf(j!.story.slug));
    }
    // Nothing that reached the disk is lost …
    expect(recovered, `cycle ${cycle}`).toBeGreaterThanOrEqual(log.durableSeq);
    // … and what is lost is only what was typed within the last autosave interval (plus the journal write in flight,
    // or the story or journal write the kill cut short, and however late this loaded machine ran the child's timers).
    const firstLost = log.edits.get(recovered + 1);
    if (firstLost !== undefined) {
      const lossMs = killAt - firstLost;
      t.worstLossMs = Math.max(t.worstLossMs, lossMs);
      const cutShortMs = Math.max(0, ...log.openStoryOrJournalAt.map((at) => killAt - at));
      const writeMs = Math.max(log.maxJournalWriteMs, cutShortMs);
      expect(lossMs, `cycle ${cycle}: lost ${lossMs} ms of edits (write ${writeMs} ms, timer lag ${log.maxTimerLagMs} ms)`)
        .toBeLessThanOrEqual(AUTOSAVE_MS + writeMs + log.maxTimerLagMs + 200);
    }
    if (i % 20 === 19) await pruneHistory(nodeFs, dir, { keepRecent: 20, keepFull: 2 });
  }
  return t;
}

describe('SIGKILL during continuous saving', () => {
  it(`survives ${CYCLES} kills at random moments`, async () => {
    const half = Math.ceil(CYCLES / 2);
    const lanes = await Promise.all([lane('left', half, 0), lane('right', CYCLES - half, half)]);
    const sum = (k: keyof LaneTotals): number => lanes.reduce((n, l) => n + l[k], 0);
    const report = `[store crash test] ${CYCLES} SIGKILLs: ${sum('midWrite')} landed mid-write ` +
      `(${sum('midStoryOrJournal')} inside a story or journal write, the rest inside history/lock writes), ` +
      `${sum('tempsRemoved')} dead temp files removed at reopen, ${sum('recoveredFromJournal')} reopens recovered newer edits from the journal, ` +
      `${sum('edits')} edits, worst loss ${Math.max(...lanes.map((l) => l.worstLossMs))} ms (autosave interval ${AUTOSAVE_MS} ms), ` +
      `median child start ${[...startupMs].sort((a, b) => a - b)[startupMs.length >> 1]} ms`;
    console.log(report);
    expect(sum('midWrite')).toBeGreaterThan(0);
  }, 1_200_000);
});
