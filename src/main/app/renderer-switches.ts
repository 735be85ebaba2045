// Engine switches the app's renderer runs with, whichever host runs it: the Electron glue appends them to the app's
// command line before the window opens (renderers inherit it), the Chromium host passes them at launch.

/**
 * V8 sets its young generation at 64 MB semi-spaces from the start (grown to 128 at most) instead of growing it from a
 * few MB. A keystroke lays its story out again and allocates some 0.7 MB; with the default young generation, each
 * typed story's layout lived long enough to be promoted, and the old generation's marking (on the main thread in
 * steps, on the second core beside it) and scavenges of ~10 ms fell among the keystrokes. Measured on the sample page
 * (five pairs of launches taken in turn, 50 keystrokes each), default → 32 MB: keystroke median 13.3 → 11.2 ms, p95
 * 20.5 → 17.8 ms (means over the pairs); launch → first page 1,475 → ~1,360 ms. 32 → 64 MB halves how often a
 * scavenge (7–10 ms) lands on a keystroke: eight pairs of launches, 100 keystrokes each, p95 lower in seven and equal
 * in one (means 18.1 → 16.9 ms), the renderer's RSS after typing 403 → ~438 MB.
 */
export const RENDERER_JS_FLAGS = ['--min-semi-space-size=64', '--max-semi-space-size=128'] as const;

/** As [switch, value] pairs, for Electron's `app.commandLine.appendSwitch`. */
export const RENDERER_SWITCHES: readonly (readonly [string, string])[] = [['js-flags', RENDERER_JS_FLAGS.join(' ')]];

/** As command-line arguments, for launching Chromium. */
export const rendererSwitchArgs = (): string[] => RENDERER_SWITCHES.map(([name, value]) => `--${name}=${value}`);
