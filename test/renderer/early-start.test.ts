import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLaunchIssueEarly, takeLaunchIssue } from '../../src/renderer/src/boot/early';
import { IpcFontLoader, prefetchFonts, takePrefetchedFont } from '../../src/renderer/src/layout/ipc-font-loader';
import { encodeFontBatch, fontFilesFromBatchPath } from '../../src/main/ipc/font-route';
import { type YebanApi } from '../../src/preload/api';

// The window's first script opens the launch issue and fetches its largest fonts while the app's bundle loads;
// the app takes each once.

afterEach(() => vi.unstubAllGlobals());

describe('early start', () => {
  it('opens the launch issue once, then fetches the fonts it names, each handed out once', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(new Uint8Array([1, 2, 3]));
    });
    const calls: string[] = [];
    const api = {
      invoke: async (channel: string) => {
        calls.push(channel);
        return { ok: true, value: { fontHints: ['fontsource:lxgw-wenkai/500/all'] } };
      },
      onHostEvent: () => () => {},
    } as unknown as YebanApi;
    openLaunchIssueEarly(api);
    const launch = takeLaunchIssue();
    expect(await launch).toMatchObject({ ok: true });
    expect(takeLaunchIssue()).toBeNull();
    expect(calls).toEqual(['issue:openAtLaunch']);
    await vi.waitFor(() => expect(fetched).toEqual(['/_fonts/fontsource%3Alxgw-wenkai%2F500%2Fall']));
    // The desk's font loader takes the answer instead of asking again.
    const loader = new IpcFontLoader(async () => {
      throw new Error('asked again');
    });
    expect([...(await loader.load('fontsource:lxgw-wenkai/500/all'))]).toEqual([1, 2, 3]);
    expect(takePrefetchedFont('fontsource:lxgw-wenkai/500/all')).toBeUndefined();
  });
  it('asks for the hinted slices in one batch, and drops a hint a newer session does not name', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      const files = fontFilesFromBatchPath(url) ?? [];
      return new Response(new Blob(encodeFontBatch(files.map((f) => ({ status: 200, bytes: new TextEncoder().encode(f) }))).map((c) => c.slice())));
    });
    prefetchFonts(['fontsource:noto-serif-sc/400/1', 'fontsource:noto-serif-sc/400/2', 'fontsource:noto-serif-sc/400/3']);
    prefetchFonts(['fontsource:noto-serif-sc/400/2', 'fontsource:noto-serif-sc/400/3']);
    expect(takePrefetchedFont('fontsource:noto-serif-sc/400/1')).toBeUndefined();
    expect(new TextDecoder().decode(await takePrefetchedFont('fontsource:noto-serif-sc/400/2'))).toBe('fontsource:noto-serif-sc/400/2');
    expect(asked).toHaveLength(1);
  });
});
