// Engine switches the app's renderer runs with, whichever host runs it: the Electron glue appends them to the app's
// command line before the window opens (renderers inherit it), the Chromium host passes them at launch.

/**
 * V8 sets its young generation at 32 MB semi-spaces from the start (grown to 64 at most) instead of growing it from a
 * few MB. A keystroke lays its story out again and allocates some 0.7 MB; with the default young generation, each
 * typed story's layout lived long enough to be promoted, and the old generation's marking (on the main thread in
 * steps, on the second core beside it) and scavenges of ~10 ms fell among the keystrokes. Measured on the sample page
 * (five pairs of launches taken in turn, 50 keystrokes each): keystroke median 13.3 → 11.2 ms, p95 20.5 → 17.8 ms
 * (means over the pairs); launch → first page 1,475 → ~1,360 ms; the bench's renderer RSS stayed within its noise.
 */
export const RENDERER_JS_FLAGS = ['--min-semi-space-size=32', '--max-semi-space-size=64'] as const;

/** As [switch, value] pairs, for Electron's `app.commandLine.appendSwitch`. */
export const RENDERER_SWITCHES: readonly (readonly [string, string])[] = [['js-flags', RENDERER_JS_FLAGS.join(' ')]];

/** As command-line arguments, for launching Chromium. */
export const rendererSwitchArgs = (): string[] => RENDERER_SWITCHES.map(([name, value]) => `--${name}=${value}`);
