import { STORY_STATUSES, type StoryStatus } from '../../../core/model';

// 草稿 → 待编 → 已编 → 已上版 → 已签发: a story moves one step forward, or is sent back one step.

export function nextStatus(s: StoryStatus): StoryStatus | null {
  return STORY_STATUSES[STORY_STATUSES.indexOf(s) + 1] ?? null;
}

export function previousStatus(s: StoryStatus): StoryStatus | null {
  const i = STORY_STATUSES.indexOf(s);
  return i > 0 ? STORY_STATUSES[i - 1]! : null;
}

/** A signed-off story is final: its text is not edited until it is sent back. */
export function statusLocksText(s: StoryStatus): boolean {
  return s === '已签发';
}
