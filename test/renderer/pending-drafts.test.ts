import { describe, expect, it } from 'vitest';
import { flushPendingDrafts, registerDraftFlush } from '../../src/renderer/src/app/pending-drafts';

describe('pending drafts before an export', () => {
  it('waits for every open editor to hand over its edit; a closed editor is not asked; a failure does not stop the rest', async () => {
    const arrived: string[] = [];
    const slow = registerDraftFlush(() => new Promise((r) => setTimeout(() => r(void arrived.push('slow')), 30)));
    const failing = registerDraftFlush(async () => {
      throw new Error('story:edit refused');
    });
    const closed = registerDraftFlush(async () => void arrived.push('closed'));
    closed();
    await flushPendingDrafts();
    expect(arrived).toEqual(['slow']);
    slow();
    failing();
    await flushPendingDrafts();
    expect(arrived).toEqual(['slow']);
  });
});
