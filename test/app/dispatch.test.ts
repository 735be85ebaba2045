import { describe, expect, it } from 'vitest';
import { createDispatch, type HandlerContext, type HandlerTable } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { createYebanApi, type HostEvent } from '../../src/preload/api';

const ctx: HandlerContext = { documentsDir: '/tmp/docs', resourcesDir: '/tmp/res', host: 'chromium', appVersion: '9.9.9', launchIssuePath: null };
const origin = 'app://yeban';
const sender = 'app://yeban/index.html';

describe('IPC dispatch', () => {
  it('runs a handler for a trusted sender with a valid payload', async () => {
    const dispatch = createDispatch({ handlers, trustedOrigin: origin, context: ctx });
    const r = await dispatch('app:info', {}, sender);
    expect(r).toEqual({ ok: true, value: { name: 'yeban', version: '9.9.9', host: 'chromium', platform: process.platform } });
  });

  it('refuses an untrusted sender before looking at anything else', async () => {
    let called = false;
    const table: HandlerTable = { 'app:info': async () => ((called = true), { name: '', version: '', host: 'electron', platform: '' }) };
    const dispatch = createDispatch({ handlers: table, trustedOrigin: origin, context: ctx });
    for (const url of ['https://evil.example/', 'app://other/index.html', undefined, 'file:///x/index.html']) {
      const r = await dispatch('app:info', {}, url);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(called).toBe(false);
  });

  it('refuses unknown channels, including inherited property names', async () => {
    const dispatch = createDispatch({ handlers, trustedOrigin: origin, context: ctx });
    for (const ch of ['nope', 'toString', '__proto__', 42, null]) {
      expect(await dispatch(ch, {}, sender)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('refuses a known channel without a handler', async () => {
    const dispatch = createDispatch({ handlers: {}, trustedOrigin: origin, context: ctx });
    expect(await dispatch('app:info', {}, sender)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('validates the payload against the channel schema and says why in Chinese', async () => {
    const dispatch = createDispatch({ handlers, trustedOrigin: origin, context: ctx });
    const r = await dispatch('app:info', { extra: 1 }, sender);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-payload');
      expect(r.error.message).toContain('app:info 的参数无效');
    }
    expect(await dispatch('app:info', 'x', sender)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('turns a thrown error into data, keeping a store-style code or kind', async () => {
    const boom = (e: unknown): HandlerTable => ({ 'app:info': async () => { throw e; } });
    const run = (e: unknown) => createDispatch({ handlers: boom(e), trustedOrigin: origin, context: ctx })('app:info', {}, sender);
    expect(await run(new Error('磁盘已满'))).toEqual({ ok: false, error: { code: 'handler-failed', message: '磁盘已满' } });
    expect(await run(Object.assign(new Error('稿件已被锁定'), { code: 'locked' }))).toEqual({ ok: false, error: { code: 'locked', message: '稿件已被锁定' } });
    expect(await run(Object.assign(new Error('x'), { kind: 'conflict' }))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await run('plain string')).toEqual({ ok: false, error: { code: 'handler-failed', message: 'plain string' } });
  });

  it('gives the handler the parsed payload and the host context', async () => {
    const seen: unknown[] = [];
    const table: HandlerTable = { 'app:info': async (p, c) => (seen.push(p, c), { name: 'n', version: 'v', host: c.host, platform: 'p' }) };
    await createDispatch({ handlers: table, trustedOrigin: origin, context: ctx })('app:info', {}, sender);
    expect(seen).toEqual([{}, ctx]);
  });
});

describe('preload API over a transport', () => {
  it('hands shell events to listeners until they unsubscribe', () => {
    const listeners = new Set<(e: HostEvent) => void>();
    const api = createYebanApi(async () => null, (l) => (listeners.add(l), () => listeners.delete(l)));
    const seen: string[] = [];
    const off = api.onHostEvent((e) => seen.push(e.type === 'open-issue' ? e.path : e.type));
    listeners.forEach((l) => l({ type: 'open-issue', path: '/a.yeban' }));
    off();
    listeners.forEach((l) => l({ type: 'open-issue', path: '/b.yeban' }));
    expect(seen).toEqual(['/a.yeban']);
  });

  it('opens the launch issue from the host context, naming it when it cannot', async () => {
    const dispatch = createDispatch({ handlers, trustedOrigin: origin, context: { ...ctx, launchIssuePath: '/x/A.yeban' } });
    const r = await dispatch('issue:openAtLaunch', {}, sender);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('/x/A.yeban');
  });

  it('passes calls through the same dispatch', async () => {
    const dispatch = createDispatch({ handlers, trustedOrigin: origin, context: ctx });
    const api = createYebanApi((ch, p) => dispatch(ch, p, sender), () => () => {});
    expect(await api.invoke('app:info', {})).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('reports a broken transport as a failure instead of throwing', async () => {
    const api = createYebanApi(
      async () => {
        throw new Error('主进程已退出');
      },
      () => () => {},
    );
    expect(await api.invoke('app:info', {})).toEqual({ ok: false, error: { code: 'transport-failed', message: '主进程已退出' } });
  });
});
