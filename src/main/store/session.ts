import path from 'node:path';
import { watch, type FSWatcher } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { StorySchema, fieldErrors, type IssueMeta, type Story } from '../../core/model';
import { StoreError, ioError, type StoreErrorInfo } from './errors';
import { HISTORY_DIR, ISSUE_FILE, STORIES_DIR, storyFile } from './paths';
import { openIssue, parseIssueMeta, parseStory, removeDeadTemps, type OpenedIssue, type OpenOptions } from './open';
import { saveStory, saveIssueMeta, addStory } from './save';
import { clearJournal, readJournal, writeJournal } from './journal';
import { acquireLock, heartbeat, holderMessage, listLocks, newLockToken, readLockInfo, releaseLock, HEARTBEAT_MS, type LockInfo, type LockTarget } from './locks';
import { recordConflict, type ConflictRecord } from './conflicts';
import { pruneHistory, sha256 } from './history';
import { takeFullSnapshot } from './snapshot';
import { importAsset, type ImportedAsset } from './assets';
import { defaultEnv, type StoreEnv } from './env';

export type SessionEvent =
  | { type: 'storyChanged'; storyId: string; revision: number; story: Story }
  | { type: 'metaChanged'; meta: IssueMeta }
  | { type: 'conflict'; storyId: string; folder: string; theirsRevision: number; message: string }
  | { type: 'fileProblem'; problem: StoreErrorInfo }
  | { type: 'lockLost'; target: LockTarget; holder: LockInfo | null }
  | { type: 'autosaved'; storyIds: string[]; at: string }
  | { type: 'autosaveFailed'; error: StoreErrorInfo };

export interface SessionOptions {
  env?: StoreEnv;
  /** Longest time unsaved edits stay only in memory (≤ 2 s, DESIGN.md §4). */
  autosaveMs?: number;
  heartbeatMs?: number;
  /** Watch the folder for colleagues' saves (fs.watch plus polling, since network drives send no events). */
  watch?: boolean;
  pollMs?: number;
  /** A full history snapshot at most this often while saves happen. */
  snapshotEveryMs?: number;
  onEvent?: (e: SessionEvent) => void;
}

interface Draft {
  story: Story;
  baseRevision: number;
  journaled: boolean;
}

export interface StoryState {
  story: Story;
  savedRevision: number;
  dirty: boolean;
  lock: LockInfo | null;
  /** Why this story cannot be edited here (someone else's lock, a newer file format), or null. */
  readOnlyReason: string | null;
}

export type SaveOutcome =
  | { status: 'saved'; story: Story; snapshotId: string | null; warning: string | null }
  | { status: 'unchanged'; story: Story }
  | { status: 'conflict'; conflict: ConflictRecord; message: string };

const lockKey = (t: LockTarget): string => `${t.kind}:${t.id}`;

/**
 * One open issue in one editor: its unsaved drafts and their autosave journal, the locks it holds and their
 * heartbeats, and the watch for colleagues' saves. The IPC handlers and the CLI drive it; the renderer
 * never touches the disk.
 */
export class IssueSession {
  readonly id = randomBytes(8).toString('hex');
  readonly token = newLockToken();
  readonly env: StoreEnv;
  readonly dir: string;
  meta: IssueMeta;
  metaHash: string;
  readonly readOnly: boolean;
  readonly readOnlyReason: string | null;
  readonly opened: OpenedIssue;
  private readonly stories = new Map<string, Story>();
  private readonly hashes = new Map<string, string>();
  private readonly statKeys = new Map<string, string>();
  private readonly drafts = new Map<string, Draft>();
  private readonly held = new Map<string, LockTarget>();
  /** Saves under way or waiting their turn, per story (two saves of one story may be queued at once). */
  private readonly saving = new Map<string, number>();
  private readonly events: SessionEvent[] = [];
  private readonly opts: Required<Omit<SessionOptions, 'env' | 'onEvent'>> & Pick<SessionOptions, 'onEvent'>;
  private autosaveTimer: NodeJS.Timeout | null = null;
  /**
   * Journal writes and story saves of this session, one at a time: two journal writes in flight could land out of
   * order (an older draft renamed into place after a newer one, rolling the journal back), and a save clearing the
   * journal must not race a write of it.
   */
  private turn: Promise<unknown> = Promise.resolve();
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private watchers: FSWatcher[] = [];
  private watchDebounce: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private recheck = false;
  /** Writes of issue.json by this session in flight: the watcher must not take them for a colleague's. */
  private ownMetaWrites = 0;
  private lastFullSnapshot = 0;
  private savesSinceSnapshot = 0;
  private closed = false;

  private constructor(opened: OpenedIssue, env: StoreEnv, opts: SessionOptions) {
    this.env = env;
    this.opened = opened;
    this.dir = opened.dir;
    this.meta = opened.meta;
    this.metaHash = opened.metaHash;
    this.readOnly = opened.readOnly;
    this.readOnlyReason = opened.readOnlyReason;
    for (const [id, s] of Object.entries(opened.stories)) {
      this.stories.set(id, s);
      this.hashes.set(id, opened.storyHashes[id]!);
    }
    this.opts = {
      autosaveMs: Math.min(opts.autosaveMs ?? 2000, 2000),
      heartbeatMs: opts.heartbeatMs ?? HEARTBEAT_MS,
      watch: opts.watch ?? true,
      pollMs: opts.pollMs ?? 2000,
      snapshotEveryMs: opts.snapshotEveryMs ?? 10 * 60_000,
      onEvent: opts.onEvent,
    };
    this.lastFullSnapshot = env.now();
  }

  static async open(dir: string, opts: SessionOptions & Pick<OpenOptions, 'readOnly'> = {}): Promise<IssueSession> {
    const env = opts.env ?? defaultEnv();
    const opened = await openIssue(dir, { env, readOnly: opts.readOnly ?? false });
    const s = new IssueSession(opened, env, opts);
    await s.startWatching();
    return s;
  }

  private emit(e: SessionEvent): void {
    this.events.push(e);
    if (this.events.length > 500) this.events.splice(0, this.events.length - 500);
    this.opts.onEvent?.(e);
  }

  /** The autosave interval in force (requests above 2 s are clamped to 2 s). */
  get autosaveIntervalMs(): number {
    return this.opts.autosaveMs;
  }

  /** Events since the last call (for renderers that poll instead of listening). */
  drainEvents(): SessionEvent[] {
    return this.events.splice(0, this.events.length);
  }

  storyIds(): string[] {
    return [...this.meta.storyIds];
  }

  savedStory(id: string): Story | undefined {
    return this.stories.get(id);
  }

  isDirty(id: string): boolean {
    return this.drafts.has(id);
  }

  dirtyIds(): string[] {
    return [...this.drafts.keys()];
  }

  private requireStory(id: string): Story {
    const s = this.drafts.get(id)?.story ?? this.stories.get(id);
    if (!s) throw new StoreError('missing', storyFile(id), this.meta.storyIds.includes(id) ? '稿件文件无法读取' : '期刊中没有这篇稿件');
    return s;
  }

  async storyState(id: string): Promise<StoryState> {
    const story = this.requireStory(id);
    const lock = await readLockInfo(this.env, this.dir, { kind: 'story', id }, this.token);
    let readOnlyReason = this.readOnlyReason;
    if (!readOnlyReason && lock && !lock.mine && !lock.stale) readOnlyReason = holderMessage(lock);
    return { story, savedRevision: this.stories.get(id)?.revision ?? 0, dirty: this.drafts.has(id), lock, readOnlyReason };
  }

  private assertWritable(): void {
    if (this.closed) throw new StoreError('io', this.dir, '期刊已关闭');
    if (this.readOnly) throw new StoreError('newer', ISSUE_FILE, this.readOnlyReason ?? '只读');
  }

  async lock(target: LockTarget): Promise<{ ok: true; tookOver: boolean } | { ok: false; holder: LockInfo; message: string }> {
    this.assertWritable();
    const r = await acquireLock(this.env, this.dir, target, this.token);
    if (!r.ok) return r;
    this.held.set(lockKey(target), target);
    this.startHeartbeat();
    return { ok: true, tookOver: r.tookOver !== null };
  }

  async unlock(target: LockTarget): Promise<boolean> {
    this.held.delete(lockKey(target));
    return releaseLock(this.env, this.dir, target, this.token);
  }

  holds(target: LockTarget): boolean {
    return this.held.has(lockKey(target));
  }

  async locks(): Promise<LockInfo[]> {
    return listLocks(this.env, this.dir, this.token);
  }

  private startHeartbeat(): void {
    if (this.heartbeatTimer || this.closed) return;
    this.heartbeatTimer = setInterval(() => void this.beat(), this.opts.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  /** Refresh every held lock; a lock someone took over is reported and the story becomes read-only here. */
  async beat(): Promise<void> {
    for (const [key, t] of [...this.held]) {
      let ok = false;
      try {
        ok = await heartbeat(this.env, this.dir, t, this.token);
      } catch {
        ok = true; // a failed heartbeat write is retried next time; the lock is still ours
      }
      if (!ok) {
        this.held.delete(key);
        this.emit({ type: 'lockLost', target: t, holder: await readLockInfo(this.env, this.dir, t, this.token).catch(() => null) });
      }
    }
  }

  /** Record an edit (from the editor). Takes the story's lock if free; refused if someone else holds it. */
  async edit(story: Story): Promise<void> {
    this.assertWritable();
    const r = StorySchema.safeParse(story);
    if (!r.success) throw new StoreError('invalid', storyFile(String(story?.id)), '稿件不符合格式', { fields: fieldErrors(r.error) });
    const s = r.data;
    if (!this.stories.has(s.id) && !this.drafts.has(s.id)) throw new StoreError('missing', storyFile(s.id), '期刊中没有这篇稿件');
    const target: LockTarget = { kind: 'story', id: s.id };
    if (!this.holds(target)) {
      const l = await this.lock(target);
      if (!l.ok) throw new StoreError('locked', storyFile(s.id), l.message);
    }
    const prev = this.drafts.get(s.id);
    // A first edit is based on the revision the editor loaded (the story's own `revision`), not on whatever
    // the session holds now: a colleague's save may have landed between the editor's load and this edit,
    // and basing the draft on it would let this save overwrite theirs without a conflict.
    this.drafts.set(s.id, { story: s, baseRevision: prev?.baseRevision ?? s.revision, journaled: false });
    this.scheduleAutosave();
  }

  private scheduleAutosave(): void {
    // The clock starts at the first unjournaled change and is not pushed back by later ones:
    // that is what bounds the loss to one interval even while someone types without pause.
    if (this.autosaveTimer || this.closed) return;
    this.autosaveTimer = setTimeout(() => void this.flushJournal(), this.opts.autosaveMs);
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work, work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Write every unjournaled draft to the autosave journal now (after a journal write or save under way). */
  async flushJournal(): Promise<void> {
    if (this.autosaveTimer) clearTimeout(this.autosaveTimer);
    this.autosaveTimer = null;
    await this.inTurn(() => this.writeJournal());
  }

  private async writeJournal(): Promise<void> {
    const done: string[] = [];
    for (const [id, d] of [...this.drafts]) {
      if (d.journaled) continue;
      try {
        await writeJournal(this.env, this.dir, d.story, d.baseRevision);
        if (this.drafts.get(id) === d) d.journaled = true;
        // Saved while the journal was being written: the entry is stale and must not be offered as recovery.
        else if (!this.drafts.has(id)) await clearJournal(this.env, this.dir, id);
        done.push(id);
      } catch (e) {
        this.emit({ type: 'autosaveFailed', error: ioError(`journal/${id}`, '自动保存', e).toJSON() });
        this.scheduleAutosave();
      }
    }
    if (done.length) this.emit({ type: 'autosaved', storyIds: done, at: new Date(this.env.now()).toISOString() });
    if ([...this.drafts.values()].some((d) => !d.journaled)) this.scheduleAutosave();
  }

  async save(id: string): Promise<SaveOutcome> {
    this.assertWritable();
    if (!this.drafts.has(id)) return { status: 'unchanged', story: this.requireStory(id) };
    this.saving.set(id, (this.saving.get(id) ?? 0) + 1);
    try {
      return await this.inTurn(() => this.saveDraft(id));
    } finally {
      const left = this.saving.get(id)! - 1;
      if (left > 0) this.saving.set(id, left);
      else this.saving.delete(id);
    }
  }

  /** Saves the story's latest draft (taken when its turn comes: typing may have gone on while a journal write ran). */
  private async saveDraft(id: string): Promise<SaveOutcome> {
    const d = this.drafts.get(id);
    if (!d) return { status: 'unchanged', story: this.requireStory(id) };
    try {
      const r = await saveStory(this.dir, d.story, { env: this.env, baseRevision: d.baseRevision });
      this.stories.set(id, r.story);
      this.hashes.set(id, r.hash);
      await this.rememberStat(storyFile(id));
      if (this.drafts.get(id) === d) this.drafts.delete(id);
      else {
        const later = this.drafts.get(id);
        if (later) later.baseRevision = r.story.revision;
      }
      await this.maybeFullSnapshot();
      return { status: 'saved', story: r.story, snapshotId: r.snapshotId, warning: r.warning };
    } catch (e) {
      if (e instanceof StoreError && e.kind === 'conflict') {
        const theirs = await this.readDiskStory(id);
        const conflict = await recordConflict(this.env, this.dir, d.story, d.baseRevision, theirs ?? d.story);
        const message = `稿件「${d.story.slug}」已被他人保存：两个版本都保存在 ${conflict.folder}`;
        this.emit({ type: 'conflict', storyId: id, folder: conflict.folder, theirsRevision: conflict.theirsRevision, message });
        return { status: 'conflict', conflict, message };
      }
      throw e;
    }
  }

  async saveAll(): Promise<Record<string, SaveOutcome>> {
    const out: Record<string, SaveOutcome> = {};
    for (const id of this.dirtyIds()) out[id] = await this.save(id);
    return out;
  }

  /** After a conflict: keep 'mine' (saved over theirs, theirs stays in conflicts/) or take 'theirs'. */
  async resolveConflict(id: string, keep: 'mine' | 'theirs'): Promise<SaveOutcome> {
    const disk = await this.readDiskStory(id);
    if (keep === 'theirs') {
      await this.discard(id);
      if (disk) this.stories.set(id, disk);
      return { status: 'unchanged', story: this.requireStory(id) };
    }
    const d = this.drafts.get(id);
    if (!d) return { status: 'unchanged', story: this.requireStory(id) };
    d.baseRevision = disk?.revision ?? 0;
    return this.save(id);
  }

  async discard(id: string): Promise<void> {
    this.drafts.delete(id);
    if (!this.readOnly) await clearJournal(this.env, this.dir, id);
  }

  /** Take the journaled (crash-recovered) state of a story as the current draft. */
  async recover(id: string): Promise<Story> {
    this.assertWritable();
    const j = await readJournal(this.env, this.dir, id);
    if (!j) throw new StoreError('missing', `.yeban/journal/${id}.json`, '没有可恢复的自动保存');
    const target: LockTarget = { kind: 'story', id };
    if (!this.holds(target)) {
      const l = await this.lock(target);
      if (!l.ok) throw new StoreError('locked', storyFile(id), l.message);
    }
    this.drafts.set(id, { story: j.story, baseRevision: j.baseRevision, journaled: true });
    return j.story;
  }

  async saveMeta(meta: IssueMeta): Promise<IssueMeta> {
    this.assertWritable();
    // A page lock guards that page's frames: take it for every page this save changes (or refuse with the holder).
    const before = new Map(this.meta.pages.map((p) => [p.id, JSON.stringify(p)]));
    for (const p of meta.pages) {
      if (before.get(p.id) === JSON.stringify(p)) continue;
      const target: LockTarget = { kind: 'page', id: p.id };
      if (this.holds(target) || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(p.id)) continue;
      const l = await this.lock(target);
      if (!l.ok) throw new StoreError('locked', ISSUE_FILE, l.message);
    }
    return this.writingMeta(async () => {
      const r = await saveIssueMeta(this.dir, meta, { env: this.env, baseHash: this.metaHash });
      this.meta = r.meta;
      this.metaHash = r.hash;
      return r.meta;
    });
  }

  /**
   * Runs one of this session's own writes of issue.json. While it runs the watcher leaves issue.json alone
   * (a scan between the write and the bookkeeping below would report it as a colleague's change); afterwards
   * the file's stat is taken as seen.
   */
  private async writingMeta<T>(write: () => Promise<T>): Promise<T> {
    this.ownMetaWrites++;
    try {
      const r = await write();
      await this.rememberStat(ISSUE_FILE);
      return r;
    } finally {
      // A refused write (a colleague saved first) leaves their file unseen: the next scan reports it.
      this.ownMetaWrites--;
    }
  }

  async addStory(story: Story): Promise<Story> {
    this.assertWritable();
    return this.writingMeta(async () => {
      const r = await addStory(this.dir, story, { env: this.env, baseHash: this.metaHash });
      this.meta = r.meta.meta;
      this.metaHash = r.meta.hash;
      this.stories.set(story.id, r.story.story);
      this.hashes.set(story.id, r.story.hash);
      await this.rememberStat(storyFile(story.id));
      return r.story.story;
    });
  }

  async importAsset(sourcePath: string, source = ''): Promise<ImportedAsset> {
    this.assertWritable();
    const { asset, added, written } = await this.writingMeta(() => importAsset(this.dir, sourcePath, { env: this.env, source }));
    if (written) {
      // The import adds to issue.json as it finds it on disk. Based on what this session had, the new file is
      // this session's own change and is taken silently; based on a file a colleague saved meanwhile, it
      // carries their change too, which is reported like any other.
      const theirs = written.baseHash !== this.metaHash;
      this.meta = written.meta;
      this.metaHash = written.hash;
      if (theirs) this.emit({ type: 'metaChanged', meta: written.meta });
    }
    return { asset, added };
  }

  private async maybeFullSnapshot(): Promise<void> {
    this.savesSinceSnapshot++;
    if (this.env.now() - this.lastFullSnapshot < this.opts.snapshotEveryMs && this.savesSinceSnapshot < 200) return;
    this.lastFullSnapshot = this.env.now();
    this.savesSinceSnapshot = 0;
    await takeFullSnapshot(this.env, this.dir, '定时快照').catch(() => null);
    await pruneHistory(this.env.fs, this.dir).catch(() => null);
    await removeDeadTemps(this.env, this.dir, [HISTORY_DIR + '/objects', HISTORY_DIR + '/snapshots']).catch(() => 0);
  }

  private async readDiskStory(id: string): Promise<Story | null> {
    try {
      return parseStory((await this.env.fs.readFile(path.join(this.dir, storyFile(id)))).toString('utf8'), storyFile(id), id);
    } catch {
      return null;
    }
  }

  private async statKey(rel: string): Promise<string> {
    try {
      const st = await this.env.fs.stat(path.join(this.dir, rel));
      return `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      return 'absent';
    }
  }

  private async rememberStat(rel: string): Promise<void> {
    this.statKeys.set(rel, await this.statKey(rel));
  }

  private async startWatching(): Promise<void> {
    await this.rememberStat(ISSUE_FILE);
    await Promise.all(this.meta.storyIds.map((id) => this.rememberStat(storyFile(id))));
    if (!this.opts.watch) return;
    const kick = (): void => {
      if (this.watchDebounce) return;
      this.watchDebounce = setTimeout(() => {
        this.watchDebounce = null;
        void this.checkForChanges();
      }, 50);
    };
    for (const d of [this.dir, path.join(this.dir, STORIES_DIR)]) {
      try {
        const w = watch(d, { persistent: false }, kick);
        w.on('error', () => undefined);
        this.watchers.push(w);
      } catch {
        // unwatchable (some network drives): polling still covers it
      }
    }
    this.pollTimer = setInterval(() => void this.checkForChanges(), this.opts.pollMs);
    this.pollTimer.unref();
  }

  /** Look for files changed by others since the last look; safe to call at any time. */
  checkForChanges(): Promise<void> {
    if (this.checking) {
      this.recheck = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.recheck = false;
        await this.scan();
      } while (this.recheck && !this.closed);
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async scan(): Promise<void> {
    if (this.closed) return;
    const metaKey = await this.statKey(ISSUE_FILE);
    // During this session's own write the file is left for writingMeta to account for.
    if (this.ownMetaWrites === 0 && metaKey !== this.statKeys.get(ISSUE_FILE)) {
      this.statKeys.set(ISSUE_FILE, metaKey);
      await this.reloadMeta();
    }
    for (const id of this.meta.storyIds) {
      if (this.saving.has(id)) continue;
      const rel = storyFile(id);
      const key = await this.statKey(rel);
      if (key === this.statKeys.get(rel)) continue;
      this.statKeys.set(rel, key);
      await this.storyChangedOnDisk(id);
    }
  }

  private async reloadMeta(): Promise<void> {
    let text: string;
    try {
      text = (await this.env.fs.readFile(path.join(this.dir, ISSUE_FILE))).toString('utf8');
    } catch {
      return;
    }
    const hash = sha256(text);
    // A write of this session's own that began meanwhile: what was read may be it, not yet accounted for.
    if (hash === this.metaHash || this.ownMetaWrites > 0) return;
    try {
      const { meta } = parseIssueMeta(text);
      this.meta = meta;
      this.metaHash = hash;
      this.emit({ type: 'metaChanged', meta });
      for (const id of meta.storyIds) if (!this.stories.has(id)) await this.storyChangedOnDisk(id);
    } catch (e) {
      if (e instanceof StoreError) this.emit({ type: 'fileProblem', problem: e.toJSON() });
    }
  }

  private async storyChangedOnDisk(id: string): Promise<void> {
    const rel = storyFile(id);
    let text: string;
    try {
      text = (await this.env.fs.readFile(path.join(this.dir, rel))).toString('utf8');
    } catch {
      return;
    }
    const hash = sha256(text);
    if (hash === this.hashes.get(id)) return;
    let theirs: Story;
    try {
      theirs = parseStory(text, rel, id);
    } catch (e) {
      if (e instanceof StoreError) this.emit({ type: 'fileProblem', problem: e.toJSON() });
      return;
    }
    const d = this.drafts.get(id);
    if (d && theirs.revision !== d.baseRevision) {
      // Local unsaved edits meet a colleague's save: keep both, overwrite neither.
      const conflict = await recordConflict(this.env, this.dir, d.story, d.baseRevision, theirs);
      this.emit({ type: 'conflict', storyId: id, folder: conflict.folder, theirsRevision: theirs.revision, message: `稿件「${d.story.slug}」已被他人保存，而这里有未保存的修改：两个版本都保存在 ${conflict.folder}` });
      this.hashes.set(id, hash);
      return;
    }
    this.stories.set(id, theirs);
    this.hashes.set(id, hash);
    this.emit({ type: 'storyChanged', storyId: id, revision: theirs.revision, story: theirs });
  }

  /** Stop timers and watchers, write pending drafts to the journal, release locks. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (!this.readOnly) await this.flushJournal().catch(() => undefined);
    this.closed = true;
    for (const t of [this.autosaveTimer, this.watchDebounce]) if (t) clearTimeout(t);
    for (const t of [this.heartbeatTimer, this.pollTimer]) if (t) clearInterval(t);
    for (const w of this.watchers) w.close();
    await this.checking?.catch(() => undefined);
    for (const t of [...this.held.values()]) await releaseLock(this.env, this.dir, t, this.token).catch(() => false);
    this.held.clear();
  }
}
