import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../src/main/app/sender';
import { isPermissionAllowed, ALLOWED_PERMISSIONS } from '../../src/main/app/permissions';
import { isNavigationAllowed } from '../../src/main/app/navigation';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../src/main/app/protocol';

describe('sender check', () => {
  it('trusts documents of the app origin only', () => {
    expect(isTrustedSender('app://yeban/index.html', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('app://yeban/index.html#story', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:4173/index.html', 'http://127.0.0.1:4173')).toBe(true);
  });

  it.each([
    ['app://evil/index.html'],
    ['app://yeban.evil/index.html'],
    ['https://yeban/index.html'],
    ['file:///home/u/out/renderer/index.html'],
    ['about:blank'],
    ['app://user:pw@yeban/index.html'],
    [''],
    ['garbage'],
  ])('refuses %j', (url) => {
    expect(isTrustedSender(url, APP_ORIGIN)).toBe(false);
  });

  it('refuses a missing URL and another port of the same host', () => {
    expect(isTrustedSender(undefined, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:4174/index.html', 'http://127.0.0.1:4173')).toBe(false);
  });
});

describe('permission policy', () => {
  it('denies by default, even to the app itself', () => {
    expect(ALLOWED_PERMISSIONS.size).toBe(0);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'pointerLock']) {
      expect(isPermissionAllowed(p, 'app://yeban/index.html', APP_ORIGIN)).toBe(false);
    }
  });
});

describe('navigation', () => {
  it('allows reloading the entry page and nothing else', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL, APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed(`${APP_ENTRY_URL}#x`, APP_ENTRY_URL)).toBe(true);
    expect(isNavigationAllowed('app://yeban/other.html', APP_ENTRY_URL)).toBe(false);
    expect(isNavigationAllowed('https://example.com/', APP_ENTRY_URL)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', APP_ENTRY_URL)).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)', APP_ENTRY_URL)).toBe(false);
    expect(isNavigationAllowed('::', APP_ENTRY_URL)).toBe(false);
  });
});
