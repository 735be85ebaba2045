import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, screen, session, type MenuItemConstructorOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, resolveAppRequest } from './app/protocol';
import { CONTENT_SECURITY_POLICY } from './app/csp';
import { isPermissionAllowed } from './app/permissions';
import { isNavigationAllowed } from './app/navigation';
import { buildMenuTemplate, initialMenuLocale, type MenuCommand, type MenuLeaf, type MenuLocale, type MenuTop } from './app/menu';
import { addRecent, loadRecent, openedIssueDir, recentLabels, saveRecent } from './app/recent';
import { handOffEvent, issuePathFromArgv } from './app/argv';
import { loadWindowState, placeWindow, saveWindowState } from './app/window-state';
import { builtPathsFrom, documentsDirFrom, resourcesDirFrom } from './app/paths';
import { createDispatch } from './ipc/dispatch';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type HostEvent } from './ipc/result';
import { handlers } from './ipc/handlers';
import { closeAllSessions, preopenSession } from './ipc/handlers/store';
import { serveFontRoute } from './ipc/handlers/fonts';
import { RENDERER_SWITCHES } from './app/renderer-switches';

// Electron glue only: every decision below is made by a plain module in ./app or ./ipc.

const mainDir = import.meta.dirname;
const { rendererDir, preloadFile } = builtPathsFrom(mainDir);

// Before any renderer starts: they inherit the app's command line.
for (const [name, value] of RENDERER_SWITCHES) app.commandLine.appendSwitch(name, value);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);

// Tests give each launch its own profile; the single-instance lock is per profile, so they don't collide.
if (process.env.YEBAN_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.YEBAN_USER_DATA_DIR));

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    const event = handOffEvent(argv, workingDirectory);
    if (event) mainWindow.webContents.send(EVENT_CHANNEL, event);
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, APP_ENTRY_URL)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url, APP_ENTRY_URL)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', () => app.quit());

  // Open issues journal their drafts and release their locks before the process goes.
  let sessionsClosed = false;
  app.on('will-quit', (event) => {
    if (sessionsClosed) return;
    event.preventDefault();
    void closeAllSessions()
      .catch((err: unknown) => console.error('[yeban] closing open issues failed:', err))
      .finally(() => {
        sessionsClosed = true;
        app.quit();
      });
  });

  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(isPermissionAllowed(permission, details.requestingUrl, APP_ORIGIN)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, APP_ORIGIN));

  protocol.handle(APP_SCHEME, async (request) => {
    const font = await serveFontRoute(new URL(request.url).pathname);
    if (font) return font.status === 200 ? new Response(new Blob(font.chunks), { headers: font.headers }) : new Response(font.reason, { status: font.status });
    const r = resolveAppRequest(request.url, rendererDir);
    if (!r.ok) return new Response(null, { status: r.status });
    try {
      const body = await readFile(r.filePath);
      return new Response(body, {
        headers: { 'content-type': r.mimeType, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });

  const launchIssuePath = issuePathFromArgv(process.argv, process.cwd());
  preopenSession(launchIssuePath);
  const dispatch = createDispatch({
    handlers,
    trustedOrigin: APP_ORIGIN,
    context: {
      documentsDir: documentsDirFrom(process.env, app.getPath('documents')),
      resourcesDir: resourcesDirFrom({ isPackaged: app.isPackaged, mainDir, resourcesPath: process.resourcesPath }),
      host: 'electron',
      appVersion: app.getVersion(),
      launchIssuePath,
      emit: (event) => mainWindow?.webContents.send(EVENT_CHANNEL, event),
      chooseFolder: async (title) => {
        if (!mainWindow) return null;
        const r = await dialog.showOpenDialog(mainWindow, { title, properties: ['openDirectory', 'createDirectory'] });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      onLocale: (next) => {
        if (next === menuLocale) return;
        menuLocale = next;
        rebuildMenu();
      },
    },
  });
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, payload: unknown) => {
    const result = await dispatch(channel, payload, event.senderFrame?.url);
    const opened = openedIssueDir(channel, result);
    if (opened) void noteRecent(opened).catch((err: unknown) => console.error('[yeban] recent list not saved:', err));
    return result;
  });

  recentFile = path.join(app.getPath('userData'), 'recent.json');
  recent = await loadRecent(recentFile);
  rebuildMenu();

  await createWindow();
}

let recentFile = '';
let recent: string[] = [];
let menuLocale: MenuLocale = initialMenuLocale(process.env);

async function noteRecent(dir: string): Promise<void> {
  const next = addRecent(recent, dir);
  if (next.join('\0') === recent.join('\0')) return;
  recent = next;
  rebuildMenu();
  await saveRecent(recentFile, recent);
}

function rebuildMenu(): void {
  const locale = menuLocale;
  const available = new Set<MenuCommand>(Object.keys(menuActions) as MenuCommand[]);
  const labels = recentLabels(recent);
  const template = buildMenuTemplate({ locale, available, platform: process.platform, recent: recent.map((p, i) => ({ path: p, label: labels[i]! })) });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(template)));
}

const sendToWindow = (event: HostEvent): void => mainWindow?.webContents.send(EVENT_CHANNEL, event);

// The menu commands that work so far; the template leaves the others out. 新建 opens the renderer's
// new-issue form. 撤销/重做 are Chromium roles: the editor's own history answers them.
const menuActions: Partial<Record<MenuCommand, (item: MenuLeaf) => Promise<void>>> = {
  'open-recent': async (item) => {
    if (item.path) sendToWindow({ type: 'open-issue', path: item.path });
  },
  'clear-recent': async () => {
    recent = [];
    rebuildMenu();
    await saveRecent(recentFile, recent);
  },
  'new-issue': async () => sendToWindow({ type: 'menu-command', command: 'new-issue' }),
  save: async () => sendToWindow({ type: 'menu-command', command: 'save' }),
  // The window switches and reports back (app:setLocale), which relabels the menu.
  'set-locale': async (item) => {
    if (item.locale) sendToWindow({ type: 'set-locale', locale: item.locale });
  },
  'export-pdf': async () => sendToWindow({ type: 'menu-command', command: 'export-pdf' }),
  'open-issue': async () => {
    if (!mainWindow) return;
    const r = await dialog.showOpenDialog(mainWindow, { title: '打开期刊', properties: ['openDirectory'], buttonLabel: '打开' });
    const chosen = r.filePaths[0];
    if (!r.canceled && chosen) mainWindow.webContents.send(EVENT_CHANNEL, { type: 'open-issue', path: chosen } satisfies HostEvent);
  },
};

function toElectronItem(item: MenuLeaf): MenuItemConstructorOptions {
  if (item.submenu) return { label: item.label, submenu: item.submenu.map(toElectronItem) };
  const action = item.command ? menuActions[item.command] : undefined;
  return {
    label: item.label,
    accelerator: item.accelerator,
    role: item.role,
    type: item.type,
    checked: item.checked,
    click: action ? () => void action(item).catch((err: unknown) => console.error(`[yeban] ${item.command} failed:`, err)) : undefined,
  };
}

function toElectronMenu(template: MenuTop[]): MenuItemConstructorOptions[] {
  return template.map((top) => ({
    label: top.label,
    submenu: top.submenu.map((item): MenuItemConstructorOptions => ('type' in item && item.type === 'separator' ? { type: 'separator' } : toElectronItem(item as MenuLeaf))),
  }));
}

async function createWindow(): Promise<void> {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const place = placeWindow(await loadWindowState(stateFile), workAreas);

  const win = new BrowserWindow({
    x: place.x,
    y: place.y,
    width: place.width,
    height: place.height,
    show: false,
    title: '夜班',
    backgroundColor: '#f4f1ea',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click on a link would otherwise open it in a new window, bypassing will-navigate.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  mainWindow = win;
  if (place.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const b = win.getNormalBounds();
    void saveWindowState(stateFile, { ...b, maximized: win.isMaximized() }).catch((err: unknown) => console.error('[yeban] window state not saved:', err));
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  await win.loadURL(APP_ENTRY_URL);
}
