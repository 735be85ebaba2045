// The native menu as plain data: labels in the UI language, accelerators, and either an Electron
// role (undo, copy… handled by Chromium itself) or a command id the glue routes to its action.
// Commands whose action does not exist yet are left out by the caller (`available`), so the menu
// never offers something that does nothing.

export type MenuLocale = 'zh-CN' | 'en';

export type MenuCommand = 'new-issue' | 'open-issue' | 'open-recent' | 'clear-recent' | 'save' | 'export-pdf' | 'set-locale';

export const MENU_LOCALES: readonly MenuLocale[] = ['zh-CN', 'en'];

/** Each language under its own name, so a user who cannot read the current one still finds theirs. */
export const LOCALE_NAMES: Record<MenuLocale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function isMenuLocale(value: unknown): value is MenuLocale {
  return typeof value === 'string' && (MENU_LOCALES as readonly string[]).includes(value);
}

/** The menu's language before the window says which one the user chose: YEBAN_LANG, else Simplified Chinese. */
export function initialMenuLocale(env: Readonly<Record<string, string | undefined>>): MenuLocale {
  return env.YEBAN_LANG === 'en' ? 'en' : 'zh-CN';
}
export type MenuRole =
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'close' | 'quit' | 'about';

export interface MenuLeaf {
  label: string;
  accelerator?: string;
  role?: MenuRole;
  command?: MenuCommand;
  /** The issue folder an `open-recent` item opens. */
  path?: string;
  /** A submenu (最近打开, 语言). */
  submenu?: MenuLeaf[];
  /** A choice among its siblings (the languages), with the current one checked. */
  type?: 'radio';
  checked?: boolean;
  /** The language a `set-locale` item switches to. */
  locale?: MenuLocale;
}
export interface MenuSeparator {
  type: 'separator';
}
export interface MenuTop {
  label: string;
  submenu: Array<MenuLeaf | MenuSeparator>;
}

type Labels = Record<MenuCommand | MenuRole | 'file' | 'edit' | 'view' | 'window' | 'help' | 'language', string>;

const LABELS: Record<MenuLocale, Labels> = {
  'zh-CN': {
    file: '文件(&F)', edit: '编辑(&E)', view: '视图(&V)', window: '窗口(&W)', help: '帮助(&H)',
    'new-issue': '新建', 'open-issue': '打开…', 'open-recent': '最近打开', 'clear-recent': '清除最近打开的列表', save: '保存', 'export-pdf': '导出 PDF…',
    'set-locale': '界面语言', language: '语言（Language）',
    undo: '撤销', redo: '重做', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选',
    resetZoom: '实际大小', zoomIn: '放大', zoomOut: '缩小', togglefullscreen: '全屏',
    minimize: '最小化', close: '关闭窗口', quit: '退出', about: '关于夜班',
  },
  en: {
    file: '&File', edit: '&Edit', view: '&View', window: '&Window', help: '&Help',
    'new-issue': 'New', 'open-issue': 'Open…', 'open-recent': 'Open Recent', 'clear-recent': 'Clear Recent', save: 'Save', 'export-pdf': 'Export PDF…',
    'set-locale': 'Interface Language', language: 'Language（语言）',
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select All',
    resetZoom: 'Actual Size', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', togglefullscreen: 'Full Screen',
    minimize: 'Minimize', close: 'Close Window', quit: 'Quit', about: 'About Yeban',
  },
};

export const ACCELERATORS: Partial<Record<MenuCommand | MenuRole, string>> = {
  'new-issue': 'CmdOrCtrl+N',
  'open-issue': 'CmdOrCtrl+O',
  save: 'CmdOrCtrl+S',
  'export-pdf': 'CmdOrCtrl+E',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  cut: 'CmdOrCtrl+X',
  copy: 'CmdOrCtrl+C',
  paste: 'CmdOrCtrl+V',
  selectAll: 'CmdOrCtrl+A',
  resetZoom: 'CmdOrCtrl+0',
  zoomIn: 'CmdOrCtrl+=',
  zoomOut: 'CmdOrCtrl+-',
  togglefullscreen: 'F11',
  minimize: 'CmdOrCtrl+M',
  close: 'CmdOrCtrl+W',
  quit: 'CmdOrCtrl+Q',
};

export interface MenuOptions {
  locale: MenuLocale;
  /** Commands whose action is wired up; the others are omitted. */
  available: ReadonlySet<MenuCommand>;
  platform: NodeJS.Platform;
  /** Recently opened issue folders, newest first, with their menu labels. */
  recent?: readonly { path: string; label: string }[];
}

export function buildMenuTemplate({ locale, available, platform, recent = [] }: MenuOptions): MenuTop[] {
  const L = LABELS[locale];
  const sep: MenuSeparator = { type: 'separator' };
  const cmd = (command: MenuCommand): MenuLeaf[] =>
    available.has(command) ? [{ label: L[command], command, ...accel(command) }] : [];
  const role = (r: MenuRole): MenuLeaf => ({ label: L[r], role: r, ...accel(r) });
  const accel = (k: MenuCommand | MenuRole): { accelerator?: string } => {
    // Linux has no Cmd+Shift+Z habit: redo is Ctrl+Y there and on Windows.
    if (k === 'redo' && platform !== 'darwin') return { accelerator: 'Ctrl+Y' };
    const a = ACCELERATORS[k];
    return a ? { accelerator: a } : {};
  };
  const groups = (...gs: MenuLeaf[][]): Array<MenuLeaf | MenuSeparator> =>
    gs.filter((g) => g.length > 0).flatMap((g, i) => (i === 0 ? g : [sep, ...g]));

  // 最近打开 only when there is something to open: an empty submenu would offer nothing.
  const recentMenu: MenuLeaf[] =
    available.has('open-recent') && recent.length > 0
      ? [
          {
            label: L['open-recent'],
            submenu: [
              ...recent.map((r): MenuLeaf => ({ label: r.label, command: 'open-recent', path: r.path })),
              ...cmd('clear-recent'),
            ],
          },
        ]
      : [];

  // 视图 → 语言: every language by its own name, the current one checked.
  const languageMenu: MenuLeaf[] = available.has('set-locale')
    ? [
        {
          label: L.language,
          submenu: MENU_LOCALES.map((l): MenuLeaf => ({ label: LOCALE_NAMES[l], command: 'set-locale', locale: l, type: 'radio', checked: l === locale })),
        },
      ]
    : [];

  const menus: MenuTop[] = [
    { label: L.file, submenu: groups([...cmd('new-issue'), ...cmd('open-issue'), ...recentMenu], [...cmd('save'), ...cmd('export-pdf')], [role('quit')]) },
    { label: L.edit, submenu: groups([role('undo'), role('redo')], [role('cut'), role('copy'), role('paste'), role('selectAll')]) },
    { label: L.view, submenu: groups([role('resetZoom'), role('zoomIn'), role('zoomOut')], [role('togglefullscreen')], languageMenu) },
    { label: L.window, submenu: groups([role('minimize'), role('close')]) },
    { label: L.help, submenu: [role('about')] },
  ];
  return menus;
}
