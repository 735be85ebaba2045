import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestPage } from '../../src/core/display/digest';
import { type Story } from '../../src/core/model';
import { createDispatch, type Dispatch, type HandlerContext } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { closeAllSessions } from '../../src/main/ipc/handlers/store';
import { type HostEvent } from '../../src/main/ipc/result';
import { copySampleIssue, openIssue } from '../../src/main/store';
import { appendToFirstParagraph, layOut, SAMPLE_DIR } from '../renderer/sample-layout';

const origin = 'app://yeban';
const sender = 'app://yeban/index.html';
let docs: string;
let dispatch: Dispatch;
const events: HostEvent[] = [];

beforeAll(async () => {
  docs = await mkdtemp(path.join(os.tmpdir(), 'yeban-export-'));
  const ctx: HandlerContext = { documentsDir: docs, resourcesDir: '/nonexistent', host: 'chromium', appVersion: '0', launchIssuePath: null, emit: (e) => events.push(e) };
  dispatch = createDispatch({ handlers, trustedOrigin: origin, context: ctx });
});
afterAll(async () => {
  await closeAllSessions();
  await rm(docs, { recursive: true, force: true });
});

const call = async <T>(channel: string, payload: unknown): Promise<T> => {
  const r = await dispatch(channel, payload, sender);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};

describe('export:pdf', () => {
  it('saves the drafts, exports the saved issue and reports the fingerprint of what it drew', async () => {
    const dir = await copySampleIssue(SAMPLE_DIR, docs);
    const session = await call<{ sessionId: string; stories: Story[] }>('issue:open', { path: dir });
    const draft = appendToFirstParagraph(session.stories[0]!, '导出前的草稿句子');
    await call('story:edit', { sessionId: session.sessionId, story: draft });

    const defaults = await call<{ dir: string; issueDate: string; pageCount: number }>('export:defaults', { sessionId: session.sessionId });
    expect(defaults).toEqual({ dir: path.join(docs, '导出'), issueDate: '2024-03-08', pageCount: 1 });

    const output = path.join(defaults.dir, '20240308.pdf');
    const view = await call<{ saved: string[]; files: { path: string }[]; pages: { hash: string; number: string }[]; held: string[]; manifestPath: string }>('export:pdf', {
      sessionId: session.sessionId, jobId: 'job-1', pdfx: '1a', marks: true, bleedMm: 3, split: false, force: false, output,
    });
    expect(view.saved).toEqual([draft.id]);
    expect(view.held).toEqual([]);
    expect(view.files.map((f) => f.path)).toEqual([output]);
    expect(new TextDecoder().decode((await readFile(output)).subarray(0, 5))).toBe('%PDF-');
    expect(view.manifestPath).toBe(path.join(defaults.dir, '20240308.manifest.json'));

    // The draft is on disk now, and the page exported is the layout of what is on disk.
    const onDisk = await openIssue(dir, { readOnly: true });
    expect(JSON.stringify(onDisk.stories[draft.id]!.body)).toContain('导出前的草稿句子');
    const laid = await layOut(onDisk.meta, new Map(Object.entries(onDisk.stories)));
    expect(view.pages).toEqual([digestPage(laid.display.pages[0]!)]);

    const progress = events.filter((e): e is Extract<HostEvent, { type: 'export-progress' }> => e.type === 'export-progress' && e.jobId === 'job-1');
    expect(progress.map((e) => e.phase)).toEqual(['saving', 'layout', 'writing', 'done']);
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1 });
  }, 120_000);

  it('refuses an output that does not fit the choice, with the reason in Chinese', async () => {
    const dir = await copySampleIssue(SAMPLE_DIR, docs);
    const { sessionId } = await call<{ sessionId: string }>('issue:open', { path: dir });
    const base = { sessionId, jobId: 'job-2', pdfx: 'none', marks: false, bleedMm: 0, force: false };
    const split = await dispatch('export:pdf', { ...base, split: true, output: path.join(docs, 'a.pdf') }, sender);
    expect(split).toEqual({ ok: false, error: { code: 'export-refused', message: `每版一个 PDF 时，输出须是文件夹，而不是 ${path.join(docs, 'a.pdf')}` } });
    const whole = await dispatch('export:pdf', { ...base, split: false, output: path.join(docs, 'a') }, sender);
    expect(whole).toMatchObject({ ok: false, error: { code: 'export-refused' } });
    const page = await dispatch('export:pdf', { ...base, split: false, pages: [3], output: path.join(docs, 'b.pdf') }, sender);
    expect(page).toEqual({ ok: false, error: { code: 'export-refused', message: '没有第 4 个版面（本期共 1 个版面）' } });
  }, 120_000);
});
