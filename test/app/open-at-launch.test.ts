import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatch, type HandlerContext } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { type DeskSession } from '../../src/main/ipc/channels';
import { closeAllSessions } from '../../src/main/ipc/handlers/store';
import { SAMPLE_ISSUE_FOLDER } from '../../src/main/app/paths';
import { copySampleIssue } from '../../src/main/store';
import { SAMPLE_DIR } from '../renderer/sample-layout';

// The window's first issue comes in one call (the first page waits for it): the folder named on the
// command line, else the user's copy of the bundled sample.

const temps: string[] = [];
afterAll(async () => {
  await closeAllSessions();
  await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
});

async function openAtLaunch(launchIssuePath: string | null, documentsDir: string) {
  const context: HandlerContext = { documentsDir, resourcesDir: path.resolve('resources'), host: 'chromium', appVersion: '0', launchIssuePath, emit: () => {} };
  const dispatch = createDispatch({ handlers, trustedOrigin: 'app://yeban', context });
  const r = await dispatch('issue:openAtLaunch', {}, 'app://yeban/index.html');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as DeskSession;
}

describe('issue:openAtLaunch', () => {
  it('opens the folder named on the command line', async () => {
    const docs = await mkdtemp(path.join(os.tmpdir(), 'yeban-launch-'));
    temps.push(docs);
    const dir = await copySampleIssue(SAMPLE_DIR, path.join(docs, 'elsewhere'));
    const opened = await openAtLaunch(dir, docs);
    expect(opened.dir).toBe(dir);
    expect(opened.issue.storyIds.length).toBeGreaterThan(5);
  });
  it("opens the user's copy of the sample when no folder was named", async () => {
    const docs = await mkdtemp(path.join(os.tmpdir(), 'yeban-launch-'));
    temps.push(docs);
    const opened = await openAtLaunch(null, docs);
    expect(opened.dir).toBe(path.join(docs, SAMPLE_ISSUE_FOLDER));
  });
});
