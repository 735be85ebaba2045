import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadWindowState, placeWindow, saveWindowState, DEFAULT_SIZE, type WindowState } from '../../src/main/app/window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 1024 };
let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

describe('window placement', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(placeWindow(null, [primary, right])).toEqual({ x: 240, y: 70, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height, maximized: false });
  });

  it('shrinks the default to a small screen', () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 720 }])).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('keeps a saved place that is still on a screen, including the second one', () => {
    const s: WindowState = { x: 2000, y: 100, width: 1000, height: 800, maximized: false };
    expect(placeWindow(s, [primary, right])).toEqual(s);
  });

  it('recentres a window whose screen was unplugged, keeping it maximised if it was', () => {
    const s: WindowState = { x: 2000, y: 100, width: 1000, height: 800, maximized: true };
    expect(placeWindow(s, [primary])).toEqual({ ...placeWindow(null, [primary]), maximized: true });
  });

  it('recentres a window whose title bar is above the screen', () => {
    const s: WindowState = { x: 100, y: -500, width: 1000, height: 800, maximized: false };
    expect(placeWindow(s, [primary]).y).toBeGreaterThanOrEqual(0);
  });
});

describe('window state file', () => {
  it('round-trips through disk', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'yeban-ws-'));
    const file = path.join(dir, 'nested', 'window-state.json');
    const s: WindowState = { x: 10, y: 20, width: 1200, height: 800, maximized: true };
    await saveWindowState(file, s);
    expect(await loadWindowState(file)).toEqual(s);
  });

  it('treats a missing, damaged or invalid file as no state', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'yeban-ws-'));
    expect(await loadWindowState(path.join(dir, 'none.json'))).toBeNull();
    await writeFile(path.join(dir, 'bad.json'), '{"x": 1,');
    expect(await loadWindowState(path.join(dir, 'bad.json'))).toBeNull();
    await writeFile(path.join(dir, 'tiny.json'), JSON.stringify({ x: 0, y: 0, width: 10, height: 10 }));
    expect(await loadWindowState(path.join(dir, 'tiny.json'))).toBeNull();
  });

  it('refuses to write an invalid state', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'yeban-ws-'));
    const file = path.join(dir, 'ws.json');
    await expect(saveWindowState(file, { x: 0.5, y: 0, width: 1000, height: 800, maximized: false })).rejects.toThrow();
    await expect(readFile(file)).rejects.toThrow();
  });
});
