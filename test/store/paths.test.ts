// Paths named inside an issue never leave its folder: `..`, absolute paths, and symlinks pointing out.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insidePath, resolveExisting, nodeFs, StoreError, saveStory, copySampleIssue, openIssue } from '../../src/main/store';
import { cleanupTemp, makeIssue, makeStory, tempDir } from './helpers';

afterAll(cleanupTemp);

describe('paths inside an issue', () => {
  const root = '/data/issues/x.yeban';

  it('accepts names inside the folder', () => {
    expect(insidePath(root, 'stories/a1.json')).toBe('/data/issues/x.yeban/stories/a1.json');
    expect(insidePath(root, 'assets/ab.jpg')).toBe('/data/issues/x.yeban/assets/ab.jpg');
  });

  for (const bad of ['../x.json', 'stories/../../x.json', '/etc/passwd', 'C:/Windows/x', 'stories\\..\\x', 'a\0b', '']) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(() => insidePath(root, bad)).toThrow(StoreError);
      try {
        insidePath(root, bad);
      } catch (e) {
        expect((e as StoreError).kind).toBe('path');
      }
    });
  }

  it('refuses a symlink that points out of the folder, and follows one that stays inside', async () => {
    const dir = tempDir();
    const issue = path.join(dir, 'i.yeban');
    mkdirSync(path.join(issue, 'stories'), { recursive: true });
    writeFileSync(path.join(dir, 'outside.json'), '{}');
    writeFileSync(path.join(issue, 'stories/real.json'), '{}');
    symlinkSync(path.join(dir, 'outside.json'), path.join(issue, 'stories/out.json'));
    symlinkSync(path.join(issue, 'stories/real.json'), path.join(issue, 'stories/in.json'));
    await expect(resolveExisting(nodeFs, issue, 'stories/out.json')).rejects.toThrow(/符号链接指向期刊文件夹之外/);
    await expect(resolveExisting(nodeFs, issue, 'stories/in.json')).resolves.toBe(path.join(issue, 'stories/in.json'));
  });

  it('a save never writes through a symlink pointing out of the folder', async () => {
    const dir = await makeIssue(path.join(tempDir(), 'i.yeban'), []);
    const victim = path.join(tempDir(), 'victim.json');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, path.join(dir, 'stories/a9.json'));
    await expect(saveStory(dir, makeStory('a9'), { create: true })).rejects.toMatchObject({ kind: 'path' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('the bundled sample is copied, never opened in place; a bundle with a symlink is refused', async () => {
    const bundle = await makeIssue(path.join(tempDir(), '2024-03-08-样例.yeban'), ['a1']);
    const docs = path.join(tempDir(), '夜班');
    const first = await copySampleIssue(bundle, docs);
    expect(first).toBe(path.join(docs, '2024-03-08-样例.yeban'));
    expect((await openIssue(first)).stories.a1!.slug).toBe('稿件a1');
    expect(await copySampleIssue(bundle, docs)).toBe(path.join(docs, '2024-03-08-样例-2.yeban'));
    expect(await copySampleIssue(bundle, docs, { reuse: true })).toBe(first);
    symlinkSync('/etc/passwd', path.join(bundle, 'stories', 'evil.json'));
    const docs2 = path.join(tempDir(), 'docs2');
    await expect(copySampleIssue(bundle, docs2)).rejects.toThrow(/样例中不允许符号链接/);
    expect(readdirSync(docs2)).toEqual([]);
  });
});
