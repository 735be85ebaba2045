import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuCommand, type MenuLeaf } from '../../src/main/app/menu';
import { MAX_RECENT, addRecent, loadRecent, openedIssueDir, recentLabels, saveRecent } from '../../src/main/app/recent';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tmp = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'yeban-recent-'));
  dirs.push(d);
  return d;
};

describe('recent issues list', () => {
  it('puts the newest first, moves a reopened folder to the front and keeps at most ten', () => {
    let list: string[] = [];
    list = addRecent(list, '/a/一.yeban');
    list = addRecent(list, '/a/二.yeban');
    list = addRecent(list, '/a/一.yeban/');
    expect(list).toEqual(['/a/一.yeban', '/a/二.yeban']);
    for (let i = 0; i < 12; i++) list = addRecent(list, `/b/${i}.yeban`);
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]).toBe('/b/11.yeban');
    expect(list).not.toContain('/a/一.yeban');
  });

  it('round-trips through recent.json and reads a damaged or foreign file as empty', async () => {
    const d = await tmp();
    const file = path.join(d, 'profile', 'recent.json');
    expect(await loadRecent(file)).toEqual([]);
    await saveRecent(file, ['/x/甲.yeban', '/x/乙.yeban']);
    expect(await loadRecent(file)).toEqual(['/x/甲.yeban', '/x/乙.yeban']);
    await writeFile(file, '{ not json');
    expect(await loadRecent(file)).toEqual([]);
    await writeFile(file, JSON.stringify({ issues: ['relative/path', 42, '/ok.yeban', '/bad\0.yeban'] }));
    expect(await loadRecent(file)).toEqual(['/ok.yeban']);
  });

  it('notes only successful calls that open an issue', () => {
    const ok = { ok: true, value: { dir: '/d/x.yeban' } };
    expect(openedIssueDir('issue:open', ok)).toBe('/d/x.yeban');
    expect(openedIssueDir('issue:openSample', ok)).toBe('/d/x.yeban');
    expect(openedIssueDir('issue:openAtLaunch', ok)).toBe('/d/x.yeban');
    expect(openedIssueDir('issue:create', ok)).toBe('/d/x.yeban');
    expect(openedIssueDir('issue:get', ok)).toBeNull();
    expect(openedIssueDir('issue:open', { ok: false, error: { code: 'x', message: 'y' } })).toBeNull();
    expect(openedIssueDir('issue:open', null)).toBeNull();
  });

  it('labels folders by name, adding the parent when two share a name', () => {
    expect(recentLabels(['/a/甲.yeban', '/b/乙.yeban', '/c/甲.yeban'])).toEqual(['甲.yeban（a）', '乙.yeban', '甲.yeban（c）']);
  });
});

describe('menu with recent issues', () => {
  const file = (t: ReturnType<typeof buildMenuTemplate>) => t[0]!.submenu.filter((i): i is MenuLeaf => !('type' in i));
  const available = new Set<MenuCommand>(['open-issue', 'open-recent', 'clear-recent', 'save', 'export-pdf']);
  const recent = [
    { path: '/d/甲.yeban', label: '甲.yeban' },
    { path: '/d/乙.yeban', label: '乙.yeban' },
  ];

  it('offers 最近打开 with one item per folder, newest first, and a way to clear it', () => {
    const t = buildMenuTemplate({ locale: 'zh-CN', available, platform: 'linux', recent });
    const sub = file(t).find((l) => l.label === '最近打开');
    expect(sub?.submenu?.map((l) => [l.label, l.command, l.path])).toEqual([
      ['甲.yeban', 'open-recent', '/d/甲.yeban'],
      ['乙.yeban', 'open-recent', '/d/乙.yeban'],
      ['清除最近打开的列表', 'clear-recent', undefined],
    ]);
    // 新建 has no action yet: it is left out rather than offered.
    expect(file(t).map((l) => l.label)).toEqual(['打开…', '最近打开', '保存', '导出 PDF…', '退出']);
  });

  it('leaves 最近打开 out when nothing was opened yet, or when the glue cannot open recents', () => {
    expect(file(buildMenuTemplate({ locale: 'zh-CN', available, platform: 'linux', recent: [] })).some((l) => l.label === '最近打开')).toBe(false);
    const without = new Set<MenuCommand>(['open-issue']);
    expect(file(buildMenuTemplate({ locale: 'zh-CN', available: without, platform: 'linux', recent })).some((l) => l.label === '最近打开')).toBe(false);
  });

  it('has English labels', () => {
    const t = buildMenuTemplate({ locale: 'en', available, platform: 'linux', recent });
    expect(file(t).find((l) => l.label === 'Open Recent')?.submenu?.at(-1)?.label).toBe('Clear Recent');
  });
});
