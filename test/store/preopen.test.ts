import { afterAll, describe, expect, it } from 'vitest';
import { closeAllSessions, openSession, preopenSession } from '../../src/main/ipc/handlers/store';
import path from 'node:path';
import { cleanupTemp, makeIssue, tempDir } from './helpers';

afterAll(async () => {
  await closeAllSessions();
  cleanupTemp();
});

describe('opening the launch issue early', () => {
  it('an open already under way is shared, not raced: one session, one set of locks', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'issue.yeban'));
    preopenSession(dir);
    const [a, b] = await Promise.all([openSession(dir), openSession(dir)]);
    expect(a).toBe(b);
    expect(await openSession(dir)).toBe(a);
  });

  it('a launch path that cannot be opened is left for the renderer to report', async () => {
    preopenSession('/no/such/issue.yeban');
    preopenSession(null);
    await expect(openSession('/no/such/issue.yeban')).rejects.toThrow();
  });
});
