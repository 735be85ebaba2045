// Stands in for `unicode-trie` in the bundles (the renderer: electron.vite.config.ts; the CLI: scripts/build-cli.mjs).
// fontkit and unicode-properties build four character tables from compressed data the moment they are imported,
// inflating each in JavaScript: about 40 ms of the app's start-up before anything is drawn, and of every command. Three of them serve only
// the Arabic, Indic and Universal shapers, which Chinese text never reaches; the fourth is first read when a
// font lays out its first run. Each table is inflated on its first lookup instead.
// @ts-expect-error -- the package ships no types; its one export is the class read through `get` below.
import UnicodeTrie from 'unicode-trie/index.js';

interface Trie {
  get(codePoint: number): number;
}

export default class LazyUnicodeTrie implements Trie {
  private trie: Trie | null = null;

  /** The table's bytes, or (bundles: scripts/lazy-unicode-data.mjs) the function that decodes them. */
  constructor(private readonly data: Uint8Array | (() => Uint8Array)) {}

  get(codePoint: number): number {
    this.trie ??= new (UnicodeTrie as new (data: Uint8Array) => Trie)(typeof this.data === 'function' ? this.data() : this.data);
    return this.trie.get(codePoint);
  }
}
