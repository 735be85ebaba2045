import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLaunchIssueEarly, takeLaunchIssue } from '../../src/renderer/src/boot/early';
import { deskLayoutFor, layOutAhead } from '../../src/renderer/src/layout/layout-ahead';
import { encodeFontBatch, fontFileFromPath, fontFilesFromBatchPath } from '../../src/main/ipc/font-route';
import { nodeFontLoader } from '../../src/main/fonts/node-font-loader';
import { type YebanApi } from '../../src/preload/api';
import { openSample } from './sample-layout';

// The window's first script opens the launch issue while the app's bundle loads, and the issue's fonts are fetched
// as soon as it arrives, while the desk is drawn; the desk takes that layout instead of starting its own.

afterEach(() => vi.unstubAllGlobals());

/** The font route over the real font files, counting the files asked for. */
function serveFonts(asked: string[]): void {
  vi.stubGlobal('fetch', async (url: string) => {
    const files = fontFilesFromBatchPath(url) ?? [fontFileFromPath(url)!];
    asked.push(...files);
    const parts = await Promise.all(files.map(async (f) => ({ status: 200, bytes: await nodeFontLoader.load(f) })));
    return new Response(new Blob(files.length === 1 && !fontFilesFromBatchPath(url) ? [parts[0]!.bytes.slice()] : encodeFontBatch(parts).map((c) => c.slice())));
  });
}

describe('early start', () => {
  it('opens the launch issue once, and hands the answer to the app once', async () => {
    const calls: string[] = [];
    const api = {
      invoke: async (channel: string) => {
        calls.push(channel);
        return { ok: true, value: { sessionId: 's1' } };
      },
      onHostEvent: () => () => {},
    } as unknown as YebanApi;
    openLaunchIssueEarly(api);
    const launch = takeLaunchIssue();
    expect(await launch).toMatchObject({ ok: true, value: { sessionId: 's1' } });
    expect(takeLaunchIssue()).toBeNull();
    expect(calls).toEqual(['issue:openAtLaunch']);
  });

  it("fetches an issue's fonts before its desk lays out; the desk takes that layout and fetches nothing again", async () => {
    const asked: string[] = [];
    serveFonts(asked);
    const { meta, stories } = await openSample();
    layOutAhead(meta, [...stories.values()]);
    await vi.waitFor(() => expect(asked.length).toBeGreaterThan(20));
    const desk = deskLayoutFor(meta);
    const before = asked.length;
    const result = await desk.run(meta, stories);
    expect(result.display.pages[0]!.items.length).toBeGreaterThan(1000);
    expect(asked.length).toBe(before);
    expect(new Set(asked).size).toBe(asked.length);
    // Taken once: another desk for the same issue starts afresh.
    expect(deskLayoutFor(meta)).not.toBe(desk);
  });
});
