import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeFontBatch, fontBatchUrlPath, fontFileFromPath, fontFilesFromBatchPath, fontUrlPath, FONT_BATCH_MAX } from '../../src/main/ipc/font-route';
import { parseFace } from '../../src/core/fonts/face';
import { isFontBytes, serveFont, serveFontRoute } from '../../src/main/ipc/handlers/fonts';
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

  it('serves several files in one answer, in the order asked, each checked like a single file', async () => {
    const files = ['fontsource:noto-serif-sc/400/100', 'file:etc/passwd', 'fontsource:noto-sans-sc/700/101'];
    const r = await serveFontRoute(fontBatchUrlPath(files));
    if (r?.status !== 200) throw new Error(JSON.stringify(r));
    const body = new Uint8Array(Buffer.concat(r.chunks));
    const parts = decodeFontBatch(body, files.length);
    expect(parts.map((p) => p.status)).toEqual([200, 404, 200]);
    expect(Buffer.from(parts[0]!.bytes).equals(Buffer.from(await nodeFontLoader.load(files[0]!)))).toBe(true);
    expect(new TextDecoder().decode(parts[1]!.bytes)).toContain('必须是绝对路径');
    // A part is a view into the answer: the face parser must read it at its offset.
    const face = parseFace(files[2]!, 'Noto Sans SC', 700, parts[2]!.bytes);
    expect(face.unitsPerEm).toBe(1000);
    expect(() => decodeFontBatch(body.subarray(0, body.length - 1), files.length)).toThrow('字体批量应答不完整');
  });

  it('refuses a malformed or oversized batch, and answers a single file as before', async () => {
    expect(fontFilesFromBatchPath('/_fonts-batch/%E0%A4%A')).toEqual([]);
    expect(fontFilesFromBatchPath('/_fonts/x')).toBeNull();
    const tooMany = Array.from({ length: FONT_BATCH_MAX + 1 }, (_, i) => `fontsource:noto-serif-sc/400/${i}`);
    expect(await serveFontRoute(fontBatchUrlPath(tooMany))).toMatchObject({ status: 400 });
    const one = await serveFontRoute(fontUrlPath('fontsource:noto-serif-sc/400/100'));
    expect(one).toMatchObject({ status: 200, headers: { 'content-type': 'font/ttf' } });
    expect(await serveFontRoute('/index.html')).toBeNull();
  });

  it('tells font tags from other bytes', () => {
    expect(isFontBytes(new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(true);
    expect(isFontBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(false);
    expect(isFontBytes(new Uint8Array([0, 1, 0, 0]))).toBe(false);
  });
});
