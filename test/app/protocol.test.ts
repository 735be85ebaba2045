import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import { resolveAppRequest, mimeTypeFor, APP_ENTRY_URL } from '../../src/main/app/protocol';

const root = path.resolve('/srv/yeban/out/renderer');

describe('app:// path resolution', () => {
  it('maps the entry page and assets inside the renderer folder', () => {
    expect(resolveAppRequest(APP_ENTRY_URL, root)).toEqual({ ok: true, filePath: path.join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://yeban/', root)).toMatchObject({ ok: true, filePath: path.join(root, 'index.html') });
    expect(resolveAppRequest('app://yeban/assets/index-abc.js?v=1#x', root)).toMatchObject({ ok: true, filePath: path.join(root, 'assets', 'index-abc.js'), mimeType: 'text/javascript; charset=utf-8' });
  });

  it('decodes percent-encoded names (Chinese file names)', () => {
    const r = resolveAppRequest('app://yeban/fonts/%E5%AE%8B%E4%BD%93.woff2', root);
    expect(r).toMatchObject({ ok: true, filePath: path.join(root, 'fonts', '宋体.woff2'), mimeType: 'font/woff2' });
  });

  it.each([
    ['app://yeban/..%2f..%2fetc/passwd', 'path traversal'],
    ['app://yeban/assets/%2E%2E%2F%2E%2E%2Fsecret', 'path traversal'],
    ['app://yeban/assets/..%5c..%5csecret', 'forbidden character'],
    ['app://yeban/a%00.html', 'forbidden character'],
    ['app://yeban/%E0%A4%A', 'bad percent-encoding'],
  ])('refuses %s (%s)', (url, reason) => {
    const r = resolveAppRequest(url, root);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe(reason);
      expect(r.status === 403 || r.status === 400).toBe(true);
    }
  });

  it('keeps dot segments the URL parser collapses inside the root', () => {
    expect(resolveAppRequest('app://yeban/../../etc/passwd', root)).toMatchObject({ ok: true, filePath: path.join(root, 'etc', 'passwd') });
    expect(resolveAppRequest('app://yeban/%2e%2e/%2E%2E/etc/passwd', root)).toMatchObject({ ok: true, filePath: path.join(root, 'etc', 'passwd') });
  });

  it('never resolves outside the root, for any mix of hostile segments', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%2F', '%5c', '..%2f', '%2e%2e%2f', '%00', '//', 'a', '稿件', 'x.js'),
      fc.stringMatching(/^[a-z0-9._%-]{0,6}$/),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segs) => {
        const r = resolveAppRequest(`app://yeban/${segs.join('/')}`, root);
        if (r.ok) expect(r.filePath === root || r.filePath.startsWith(root + path.sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppRequest('app://evil/index.html', root)).toMatchObject({ ok: false, status: 403 });
    expect(resolveAppRequest('file:///etc/passwd', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('not a url', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('names MIME types, falling back to octet-stream', () => {
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.exe')).toBe('application/octet-stream');
  });
});
