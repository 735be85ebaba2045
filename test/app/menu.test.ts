import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, initialMenuLocale, isMenuLocale, type MenuCommand, type MenuLeaf, type MenuTop } from '../../src/main/app/menu';

const leaves = (t: MenuTop[]): MenuLeaf[] => t.flatMap((m) => m.submenu.filter((i): i is MenuLeaf => !('type' in i)));
const byLabel = (t: MenuTop[], label: string) => leaves(t).find((l) => l.label === label);
const all = new Set<MenuCommand>(['new-issue', 'open-issue', 'save', 'export-pdf', 'set-locale']);

describe('menu template', () => {
  it('speaks Simplified Chinese with the usual accelerators', () => {
    const t = buildMenuTemplate({ locale: 'zh-CN', available: all, platform: 'linux' });
    expect(t.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)']);
    expect(byLabel(t, '新建')).toMatchObject({ command: 'new-issue', accelerator: 'CmdOrCtrl+N' });
    expect(byLabel(t, '打开…')).toMatchObject({ command: 'open-issue', accelerator: 'CmdOrCtrl+O' });
    expect(byLabel(t, '保存')).toMatchObject({ command: 'save', accelerator: 'CmdOrCtrl+S' });
    expect(byLabel(t, '导出 PDF…')).toMatchObject({ command: 'export-pdf', accelerator: 'CmdOrCtrl+E' });
    expect(byLabel(t, '撤销')).toMatchObject({ role: 'undo', accelerator: 'CmdOrCtrl+Z' });
    expect(byLabel(t, '重做')).toMatchObject({ role: 'redo', accelerator: 'Ctrl+Y' });
    expect(byLabel(t, '复制')).toMatchObject({ role: 'copy', accelerator: 'CmdOrCtrl+C' });
    expect(byLabel(t, '退出')).toMatchObject({ role: 'quit', accelerator: 'CmdOrCtrl+Q' });
  });

  it('uses Cmd+Shift+Z for redo on macOS', () => {
    const t = buildMenuTemplate({ locale: 'zh-CN', available: all, platform: 'darwin' });
    expect(byLabel(t, '重做')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
  });

  it('switches to English', () => {
    const t = buildMenuTemplate({ locale: 'en', available: all, platform: 'linux' });
    expect(t[0]?.label).toBe('&File');
    expect(byLabel(t, 'Undo')?.role).toBe('undo');
    expect(byLabel(t, 'Export PDF…')?.command).toBe('export-pdf');
  });

  it('leaves out commands that are not wired, without stray separators', () => {
    const t = buildMenuTemplate({ locale: 'zh-CN', available: new Set(), platform: 'linux' });
    expect(leaves(t).some((l) => l.command)).toBe(false);
    const file = t[0]!;
    expect(file.submenu).toEqual([{ label: '退出', role: 'quit', accelerator: 'CmdOrCtrl+Q' }]);
    for (const m of t) {
      expect('type' in (m.submenu[0] ?? {})).toBe(false);
      expect('type' in (m.submenu.at(-1) ?? {})).toBe(false);
    }
  });

  it('gives every accelerator to one item only', () => {
    const t = buildMenuTemplate({ locale: 'zh-CN', available: all, platform: 'linux' });
    const accels = leaves(t).map((l) => l.accelerator).filter(Boolean);
    expect(new Set(accels).size).toBe(accels.length);
  });

  it('offers the UI language under 视图 → 语言, each language by its own name, the current one checked', () => {
    const languages = (t: MenuTop[]) => {
      const view = t[2]!.submenu.filter((i): i is MenuLeaf => !('type' in i && i.type === 'separator'));
      return view.find((l) => l.submenu)!;
    };
    const zh = languages(buildMenuTemplate({ locale: 'zh-CN', available: all, platform: 'linux' }));
    expect(zh.label).toBe('语言（Language）');
    expect(zh.submenu).toEqual([
      { label: '简体中文', command: 'set-locale', locale: 'zh-CN', type: 'radio', checked: true },
      { label: 'English', command: 'set-locale', locale: 'en', type: 'radio', checked: false },
    ]);
    const en = languages(buildMenuTemplate({ locale: 'en', available: all, platform: 'linux' }));
    expect(en.label).toBe('Language（语言）');
    expect(en.submenu!.map((l) => [l.label, l.checked])).toEqual([['简体中文', false], ['English', true]]);
    // Its own group, after a separator; and absent when the switch is not wired.
    const view = buildMenuTemplate({ locale: 'zh-CN', available: all, platform: 'linux' })[2]!.submenu;
    expect(view.at(-2)).toEqual({ type: 'separator' });
    const without = buildMenuTemplate({ locale: 'zh-CN', available: new Set(['save']), platform: 'linux' })[2]!.submenu;
    expect(without.some((i) => 'submenu' in i)).toBe(false);
  });

  it('starts in the language YEBAN_LANG names, Simplified Chinese otherwise', () => {
    expect(initialMenuLocale({})).toBe('zh-CN');
    expect(initialMenuLocale({ YEBAN_LANG: 'en' })).toBe('en');
    expect(initialMenuLocale({ YEBAN_LANG: 'fr' })).toBe('zh-CN');
    expect(isMenuLocale('en')).toBe(true);
    expect(isMenuLocale('de')).toBe(false);
  });
});
