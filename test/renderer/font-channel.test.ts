import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { isFontBytes } from '../../src/main/ipc/handlers/fonts';
import { base64ToBytes } from '../../src/renderer/src/layout/ipc-font-loader';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';

// The renderer's font bytes travel over `font:load` as base64 (JSON-only bindings); the channel must
// give exactly the Node loader's bytes and never any file that is not a font.

const origin = 'app://yeban';
const dispatch = createDispatch({
  handlers,
  trustedOrigin: origin,
  context: { documentsDir: os.tmpdir(), resourcesDir: os.tmpdir(), host: 'chromium', appVersion: '0', launchIssuePath: null },
});
const call = (payload: unknown) => dispatch('font:load', payload, `${origin}/index.html`);

describe('font:load', () => {
  it('returns a bundled slice byte for byte, as SFNT', async () => {
    const file = 'fontsource:noto-serif-sc/400/100';
    const r = await call({ file });
    if (!r.ok) throw new Error(r.error.message);
    const bytes = base64ToBytes((r.value as { base64: string }).base64);
    expect(isFontBytes(bytes)).toBe(true);
    expect(Buffer.from(bytes).equals(Buffer.from(await nodeFontLoader.load(file)))).toBe(true);
  });

  it('refuses a file that is not a font, naming it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'yeban-font-'));
    const secret = path.join(dir, 'secret.ttf');
    await writeFile(secret, 'user:password\n'.repeat(4));
    const r = await call({ file: `file:${secret}` });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-a-font' } });
    expect(!r.ok && r.error.message).toContain(secret);
  });

  it('refuses relative paths and malformed references', async () => {
    expect(await call({ file: 'file:etc/passwd' })).toMatchObject({ ok: false });
    expect(await call({ file: '../../etc/passwd' })).toMatchObject({ ok: false });
    expect(await call({ file: 'x', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('tells font tags from other bytes', () => {
    expect(isFontBytes(new Uint8Array([0x4f, 0x54, 0x54, 0x4f, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(true);
    expect(isFontBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe(false);
    expect(isFontBytes(new Uint8Array([0, 1, 0, 0]))).toBe(false);
  });
});
