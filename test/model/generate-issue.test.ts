import { readFile, readdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateIssue, sampleCorpus, writeTempIssue } from '../../bench/generate-issue';
import { IssueSchema, StorySchema, bodyPlainText, bodyToParagraphs } from '../../src/core/model/index';

describe('bench issue generator', () => {
  const generated = generateIssue();

  it('makes 24 pages and 200 stories that validate against the schemas', () => {
    expect(generated.issue.pages).toHaveLength(24);
    expect(generated.stories).toHaveLength(200);
    expect(IssueSchema.safeParse(JSON.parse(JSON.stringify(generated.issue))).success).toBe(true);
    for (const s of generated.stories) {
      const r = StorySchema.safeParse(JSON.parse(JSON.stringify(s)));
      expect(r.success, `${s.id}: ${r.error?.message ?? ''}`).toBe(true);
    }
  });

  it('is deterministic, and the seed changes it', () => {
    const again = generateIssue();
    expect(JSON.stringify(again.stories)).toBe(JSON.stringify(generated.stories));
    expect(JSON.stringify(again.issue)).toBe(JSON.stringify(generated.issue));
    expect(JSON.stringify(generateIssue({ seed: 2 }).stories)).not.toBe(JSON.stringify(generated.stories));
  });

  it('places every story, inside the grid, with unique frame ids and existing stories', () => {
    const ids = new Set(generated.issue.storyIds);
    const placed = new Set<string>();
    const g = generated.issue.geometry;
    for (const page of generated.issue.pages) {
      const frameIds = new Set<string>();
      expect(page.frames[0]?.kind).toBe('runningHead');
      for (const f of page.frames) {
        expect(frameIds.has(f.id), f.id).toBe(false);
        frameIds.add(f.id);
        expect(f.col + f.span, f.id).toBeLessThanOrEqual(g.columns);
        expect(f.line + f.lines, f.id).toBeLessThanOrEqual(g.lines);
        if ('storyId' in f && f.storyId) {
          expect(ids.has(f.storyId), f.id).toBe(true);
          placed.add(f.storyId);
        }
      }
    }
    expect(placed.size).toBe(200);
  });

  it('draws its copy from the sample issue: every body sentence is a sample sentence', () => {
    const corpus = sampleCorpus();
    const known = new Set([...corpus.sentences, ...corpus.runins, ...corpus.subheads]);
    for (const s of generated.stories.slice(0, 40)) {
      for (const p of bodyToParagraphs(s.body)) {
        for (const run of p.runs) {
          if (run.role !== 'text' || run.text === '编者按：') continue;
          const sentences = run.text.match(/[^。！？]+[。！？]”?/gu) ?? [run.text];
          for (const x of sentences) expect(known.has(x), x).toBe(true);
        }
      }
    }
  });

  it('looks like a newspaper: datelines, photos, headlines, a mix of kinds and lengths', () => {
    const kinds = new Set(generated.stories.map((s) => s.kind));
    for (const k of ['消息', '通讯', '图片新闻', '编者按', '专访', '简讯']) expect(kinds.has(k as never), k).toBe(true);
    const withDateline = generated.stories.filter((s) => bodyToParagraphs(s.body)[0]?.runs[0]?.role === 'dateline');
    expect(withDateline.length).toBeGreaterThan(100);
    expect(generated.stories.filter((s) => s.photos.length > 0).length).toBeGreaterThan(30);
    const chars = generated.stories.reduce((n, s) => n + bodyPlainText(s.body).length, 0);
    expect(chars).toBeGreaterThan(100_000);
    for (const s of generated.stories) if (s.kind !== '编者按') expect(s.headline.main.length, s.id).toBe(1);
  });

  it('writes an issue folder that reads back: issue.json, stories/<id>.json, assets/<sha256>.jpg', async () => {
    const dir = await writeTempIssue({ pages: 3, stories: 20 });
    try {
      const issue = IssueSchema.parse(JSON.parse(await readFile(path.join(dir, 'issue.json'), 'utf8')));
      expect(issue.pages).toHaveLength(3);
      expect((await readdir(path.join(dir, 'stories'))).sort()).toEqual(issue.storyIds.map((id) => `${id}.json`).sort());
      for (const id of issue.storyIds) StorySchema.parse(JSON.parse(await readFile(path.join(dir, 'stories', `${id}.json`), 'utf8')));
      for (const a of issue.assets) {
        const bytes = await readFile(path.join(dir, 'assets', a.id));
        expect(`${createHash('sha256').update(bytes).digest('hex')}.jpg`).toBe(a.id);
      }
    } finally {
      await rm(path.dirname(dir), { recursive: true, force: true });
    }
  });
});
