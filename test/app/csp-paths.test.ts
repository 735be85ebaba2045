import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../../src/main/app/csp';
import { builtPathsFrom, documentsDirFrom, resourcesDirFrom } from '../../src/main/app/paths';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v.join(' ')]));
}

describe('CSP', () => {
  it('is strict: nothing by default, no inline or eval code, no plugins, no base or form hijack', () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
    expect(d.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*|https?:/);
  });

  it('has a meta-tag form without the directives a meta tag ignores', () => {
    expect(CONTENT_SECURITY_POLICY_META).not.toContain('frame-ancestors');
    expect(directives(CONTENT_SECURITY_POLICY_META).get('script-src')).toBe("'self'");
  });
});

describe('paths', () => {
  it('puts issues in 夜班 under the documents folder unless YEBAN_DOCUMENTS_DIR says otherwise', () => {
    expect(documentsDirFrom({}, '/home/u/Documents')).toBe(path.join('/home/u/Documents', '夜班'));
    expect(documentsDirFrom({ YEBAN_DOCUMENTS_DIR: '  ' }, '/home/u/Documents')).toBe(path.join('/home/u/Documents', '夜班'));
    expect(documentsDirFrom({ YEBAN_DOCUMENTS_DIR: '/tmp/e2e-docs' }, '/home/u/Documents')).toBe(path.resolve('/tmp/e2e-docs'));
  });

  it('finds resources in the checkout or the packaged app', () => {
    expect(resourcesDirFrom({ isPackaged: false, mainDir: '/src/yeban/out/main', resourcesPath: '/x' })).toBe(path.resolve('/src/yeban/resources'));
    expect(resourcesDirFrom({ isPackaged: true, mainDir: '/x', resourcesPath: '/opt/Yeban/resources' })).toBe(path.join('/opt/Yeban/resources', 'resources'));
  });

  it('finds the built renderer and preload beside the main bundle', () => {
    expect(builtPathsFrom('/src/yeban/out/main')).toEqual({ rendererDir: path.resolve('/src/yeban/out/renderer'), preloadFile: path.resolve('/src/yeban/out/preload/index.cjs') });
  });
});
