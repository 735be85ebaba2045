import { FontRegistry, type FontLoader } from '../../../core/fonts';
import { LayoutEngine, type LayoutResult } from '../../../core/layout';
import { ComposeTypesetter } from '../../../core/layout/compose-typesetter';
import { type IssueMeta, type Story } from '../../../core/model';

/**
 * The layout the desk shows, run in the renderer (DESIGN.md §5): fonts load over the loader (IPC), then
 * compose + layout are synchronous. One engine per issue setup (geometry, styles, house), so a keystroke
 * relays out only the story that changed; parsed fonts stay for the life of the loader.
 */
export class DeskLayout {
  private fonts: FontRegistry | null = null;
  private ts: ComposeTypesetter | null = null;
  private engine: LayoutEngine | null = null;
  private setup: readonly unknown[] = [];

  constructor(private readonly loader: FontLoader) {}

  get registry(): FontRegistry | null {
    return this.fonts;
  }

  private setUp(meta: IssueMeta): void {
    const setup = [meta.styles, meta.house];
    if (this.engine && setup.every((v, i) => v === this.setup[i])) return;
    this.fonts = new FontRegistry(this.loader, meta.house.fonts);
    this.ts = new ComposeTypesetter(this.fonts, meta.styles, meta.house);
    this.engine = new LayoutEngine(this.ts);
    this.setup = setup;
  }

  /** Loads the fonts the stories need (run does too): started ahead, the fonts travel while the desk is drawn. */
  async prepare(meta: IssueMeta, stories: ReadonlyMap<string, Story>): Promise<void> {
    this.setUp(meta);
    await this.ts!.prepare(meta, stories);
  }

  /**
   * The layout now, when every font it needs is already loaded (a keystroke of characters the issue already has):
   * null when some font must be fetched first (run does that).
   */
  layOutNow(meta: IssueMeta, stories: ReadonlyMap<string, Story>): LayoutResult | null {
    this.setUp(meta);
    return this.ts!.prepared(meta, stories) ? this.engine!.layout(meta, stories) : null;
  }

  async run(meta: IssueMeta, stories: ReadonlyMap<string, Story>): Promise<LayoutResult> {
    await this.prepare(meta, stories);
    return this.engine!.layout(meta, stories);
  }
}

/**
 * Runs layouts one at a time and only the latest request: while one runs, newer requests replace each
 * other, so typing fast never queues a backlog of stale layouts.
 */
export class LatestOnly<A, R> {
  private running = false;
  private pending: { args: A; resolve: (r: R | null) => void; reject: (e: unknown) => void } | null = null;

  constructor(private readonly work: (args: A) => Promise<R>) {}

  /** Resolves with the result, or null when a newer request superseded this one before it started. */
  request(args: A): Promise<R | null> {
    return new Promise((resolve, reject) => {
      this.pending?.resolve(null);
      this.pending = { args, resolve, reject };
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending) {
        const job = this.pending;
        this.pending = null;
        try {
          job.resolve(await this.work(job.args));
        } catch (e) {
          job.reject(e);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
