import { bodyOf, paragraphNode, StorySchema, type Story } from '../../../core/model';

/**
 * A new, empty story. The id only has to be unique in the issue and a safe file name (the slug is
 * Chinese): the time in base 36 plus a random tail, which two desks creating stories at once won't share.
 */
export function newStory(input: { slug: string; kind: Story['kind']; author: string }, now = Date.now(), random = Math.random): Story {
  const id = `story-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
  return StorySchema.parse({
    id,
    slug: input.slug.trim(),
    kind: input.kind,
    headline: { kicker: [], main: [], sub: [] },
    body: bodyOf([paragraphNode([])]),
    author: input.author.trim(),
    status: '草稿',
  });
}
