import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../src/main/ipc/dispatch';
import { appHandlers } from '../../src/main/ipc/handlers/app';

const ORIGIN = 'app://yeban';
const context = { documentsDir: '/home/u/Documents/夜班', resourcesDir: '/r', host: 'electron' as const, appVersion: '0.1.0', launchIssuePath: null };

describe('app channels', () => {
  it('app:setLocale hands the window’s language to the shell, which relabels its menu', async () => {
    const seen: string[] = [];
    const dispatch = createDispatch({ handlers: appHandlers, trustedOrigin: ORIGIN, context: { ...context, onLocale: (l) => seen.push(l) } });
    expect(await dispatch('app:setLocale', { locale: 'en' }, `${ORIGIN}/index.html`)).toEqual({ ok: true, value: { applied: true } });
    expect(await dispatch('app:setLocale', { locale: 'zh-CN' }, `${ORIGIN}/index.html`)).toEqual({ ok: true, value: { applied: true } });
    expect(seen).toEqual(['en', 'zh-CN']);
    const bad = await dispatch('app:setLocale', { locale: 'fr' }, `${ORIGIN}/index.html`);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(seen).toHaveLength(2);
  });

  it('app:setLocale without a native menu (the Chromium host) applies nothing', async () => {
    const dispatch = createDispatch({ handlers: appHandlers, trustedOrigin: ORIGIN, context });
    expect(await dispatch('app:setLocale', { locale: 'en' }, `${ORIGIN}/index.html`)).toEqual({ ok: true, value: { applied: false } });
  });

  it('app:newIssueDefaults names the documents folder new issues go to', async () => {
    const dispatch = createDispatch({ handlers: appHandlers, trustedOrigin: ORIGIN, context });
    expect(await dispatch('app:newIssueDefaults', {}, `${ORIGIN}/index.html`)).toEqual({ ok: true, value: { documentsDir: '/home/u/Documents/夜班', canChooseFolder: false } });
  });

  it('app:chooseFolder asks the shell’s dialog where there is one, and says null where there is not', async () => {
    const titles: string[] = [];
    const withDialog = createDispatch({
      handlers: appHandlers, trustedOrigin: ORIGIN,
      context: { ...context, chooseFolder: async (title) => (titles.push(title), '/srv/版面') },
    });
    expect(await withDialog('app:newIssueDefaults', {}, `${ORIGIN}/index.html`)).toMatchObject({ value: { canChooseFolder: true } });
    expect(await withDialog('app:chooseFolder', { title: '新期刊放在哪里' }, `${ORIGIN}/index.html`)).toEqual({ ok: true, value: { path: '/srv/版面' } });
    expect(titles).toEqual(['新期刊放在哪里']);
    const without = createDispatch({ handlers: appHandlers, trustedOrigin: ORIGIN, context });
    expect(await without('app:chooseFolder', { title: 'x' }, `${ORIGIN}/index.html`)).toEqual({ ok: true, value: { path: null } });
  });
});
