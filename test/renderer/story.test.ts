import { describe, expect, it } from 'vitest';
import { STORY_STATUSES, StorySchema, StoryIdSchema } from '../../src/core/model';
import { nextStatus, previousStatus, statusLocksText } from '../../src/renderer/src/story/status-flow';
import { newStory } from '../../src/renderer/src/story/new-story';

describe('status flow', () => {
  it('goes 草稿 → 待编 → 已编 → 已上版 → 已签发 one step at a time', () => {
    const walk: string[] = ['草稿'];
    for (let s = nextStatus('草稿'); s; s = nextStatus(s)) walk.push(s);
    expect(walk).toEqual([...STORY_STATUSES]);
    expect(nextStatus('已签发')).toBeNull();
  });
  it('sends back one step, and not before 草稿', () => {
    expect(previousStatus('已上版')).toBe('已编');
    expect(previousStatus('草稿')).toBeNull();
  });
  it('freezes the text only once signed off', () => {
    expect(STORY_STATUSES.filter(statusLocksText)).toEqual(['已签发']);
  });
});

describe('new story', () => {
  it('is a valid empty draft with a file-safe id and the trimmed slug', () => {
    const s = newStory({ slug: '  夜班新稿 ', kind: '通讯', author: ' 刘春雷 ' }, Date.UTC(2024, 2, 8), () => 0.5);
    expect(StorySchema.parse(s)).toEqual(s);
    expect(StoryIdSchema.safeParse(s.id).success).toBe(true);
    expect(s).toMatchObject({ slug: '夜班新稿', kind: '通讯', author: '刘春雷', status: '草稿', revision: 0 });
    expect(s.body.root.children).toHaveLength(1);
  });
  it('gives two stories made in the same millisecond different ids', () => {
    const now = Date.now();
    const a = newStory({ slug: 'x', kind: '消息', author: '' }, now, () => 0.1);
    const b = newStory({ slug: 'x', kind: '消息', author: '' }, now, () => 0.2);
    expect(a.id).not.toBe(b.id);
  });
});
