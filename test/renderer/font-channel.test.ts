import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fontFileFromPath, fontUrlPath } from '../../src/main/ipc/font-route';
import { isFontBytes, serveFont } from '../../src/main/ipc/handlers/fonts';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

// The renderer's font bytes come from its own origin (app://yeban/_fonts/… in Electron, the Chromium host's
// server): the route must give exactly the Node loader's bytes and never any file that is not a font.

const serve = (file: string) => serveFont(fontUrlPath(file));

describe('font route', () => {
  it('round-trips loader paths through the URL path, and leaves other paths alone', () => {
    for (const file of ['fontsource:noto-serif-sc/400/100', 'file:/usr/share/fonts/方正书宋.ttf#2']) expect(fontFileFromPath(fontUrlPath(file))).toBe(file);
    expect(fontFileFromPath('/assets/index.js')).toBeNull();
    expect(fontFileFromPath('/_fonts/%E0%A4%A')).toBeNull();
    expect(fontFileFromPath('/_fonts/')).toBeNull();
  });

  it('serves a bundled slice byte for byte, as SFNT', async () => {
    const file = 'fontsource:noto-serif-sc/400/100';
    const r = await serve(file);
    if (r?.status !== 200) throw new Error(JSON.stringify(r));
    expect(isFontBytes(r.bytes)).toBe(true);
    expect(Buffer.from(r.bytes).equals(Buffer.from(await nodeFontLoader.load(file)))).toBe(true);
  });

  it('refuses a file that is not a font, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yeban-font-'));
    const secret = path.join(dir, 'secret.ttf');
    await writeFile(secret, 'user:password\n'.repeat(4));
    const r = await serve(`file:${secret}`);
    expect(r).toMatchObject({ status: 403 });
    expect(r && r.status !== 200 && r.reason).toContain(secret);
  });

  it('refuses relative paths and malformed references, and is not the route for other paths', async () => {
    expect(await serve('file:etc/passwd')).toMatchObject({ status: 404, reason: expect.stringContaining('必须是绝对路径') });
    expect(await serve('../../etc/passwd')).toMatchObject({ status: 400 });
    expect(await serve('fontsource:no-such-font/400/1')).toMatchObject({ status: 404 });
    expect(await serveFont('/index.html')).toBeNull();
  });

  it('tells font tags from other bytes', () => {
    expect(isFontBytes(new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(true);
    expect(isFontBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(false);
    expect(isFontBytes(new Uint8Array([0, 1, 0, 0]))).toBe(false);
  });
});
