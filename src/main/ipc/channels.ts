import { z } from 'zod';
import { IssueSchema, StorySchema, StoryIdSchema, type Asset, type IssueMeta, type Story } from '../../core/model';

// The typed IPC channel table shared by the main process, the preload and the e2e Chromium host.
// Each channel names the schema its payload must pass and (in ChannelResults) the type it resolves to.
// Adding a channel: add its payload schema here and its result type to ChannelResults, add its
// handler to a table in handlers/ (merged in handlers/index.ts); src/preload/api.ts types it from here.
// This file is imported by the renderer's typecheck: no Node types, only zod and plain data types.

export const channels = {
  'app:info': z.object({}).strict(),
  /** Where 新建期刊 proposes to make the folder: the user's documents folder for issues. */
  'app:newIssueDefaults': z.object({}).strict(),
  /** The shell's folder chooser (Electron's dialog), for where a new issue goes; null when cancelled. */
  'app:chooseFolder': z.object({ title: z.string().min(1).max(100) }).strict(),
  /** The UI language the window shows now (at start and after every switch): the native menu follows it. */
  'app:setLocale': z.object({ locale: z.enum(['zh-CN', 'en']) }).strict(),
  /** Copies the bundled sample issue into the documents folder and opens the copy. */
  'issue:openSample': z.object({}).strict(),
  /**
   * The issue the window starts on, in one call: the folder named on the command line that started the app
   * (already opening since launch), else the user's copy of the sample.
   */
  'issue:openAtLaunch': z.object({}).strict(),
  /** A screen copy of an issue's picture (sRGB JPEG, at most `widthPx` wide) for the page view. */
  'asset:preview': z.object({ sessionId: z.string().regex(/^[0-9a-f]{16}$/, '会话编号无效'), assetId: z.string().regex(/^[0-9a-f]{64}\.(jpg|png)$/, '图片编号无效'), widthPx: z.number().int().min(16).max(4000) }).strict(),
  ...storeChannels(),
  ...exportChannels(),
} as const;

export interface AppInfo {
  name: string;
  version: string;
  /** Which shell answers: the Electron main process, or the e2e Chromium host's Node server. */
  host: 'electron' | 'chromium';
  platform: string;
}

/** A file the store could not use, or something it noticed, named for the user (Chinese, with the file). */
export interface IssueNotice {
  file: string;
  message: string;
}

/** An issue as the desk opens it: where the folder is, its metadata, its stories in budget order, and what went wrong. */
export interface DeskIssue {
  dir: string;
  issue: IssueMeta;
  stories: Story[];
  readOnlyReason: string | null;
  /** Stories or assets that could not be read (they are missing from `stories`). */
  problems: IssueNotice[];
  findings: IssueNotice[];
}

// ——— Store channels (H-store; handlers in handlers/store.ts). An open issue is a session: its unsaved
// drafts, autosave journal, locks and the watch for colleagues' saves live in the main process, and the
// renderer names the session by id. Paths come from the main process's own dialogs; the store still
// refuses any path that leaves an issue folder.
function storeChannels() {
  const sessionId = z.string().regex(/^[0-9a-f]{16}$/, '会话编号无效');
  const storyId = StoryIdSchema;
  const absPath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), '路径含有空字符');
  const lockTarget = z.object({ kind: z.enum(['story', 'page']), id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/) }).strict();
  const size = z.union([z.enum(['broadsheet', 'tabloid']), z.object({ widthMm: z.number().min(50).max(2000), heightMm: z.number().min(50).max(2000) }).strict()]);
  const snapshotId = z.string().regex(/^[0-9A-Za-z-]{8,80}$/, '快照编号无效');
  return {
    /** Open an issue folder for editing (an already open folder returns its session). */
    'issue:open': z.object({ path: absPath }).strict(),
    /** Make a new empty issue folder and open it. */
    'issue:create': z.object({ path: absPath, paper: z.string().min(1).max(100), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), pages: z.number().int().min(1).max(200), size }).strict(),
    /** Journal unsaved drafts, release locks, stop watching. */
    'issue:close': z.object({ sessionId }).strict(),
    'issue:get': z.object({ sessionId }).strict(),
    /** Save issue.json (pages, frames, styles …); refused as a conflict if a colleague saved it since. */
    'issue:saveMeta': z.object({ sessionId, meta: IssueSchema }).strict(),
    /** Colleagues' saves, conflicts, lost locks, autosaves since the last call. */
    'issue:events': z.object({ sessionId }).strict(),
    /** The budget (稿单): every story with its state. */
    'story:list': z.object({ sessionId }).strict(),
    'story:get': z.object({ sessionId, storyId }).strict(),
    /** The editor's current state of a story (autosaved to the journal within 2 s); takes its lock. */
    'story:edit': z.object({ sessionId, story: StorySchema }).strict(),
    /** Save a story (optionally with its latest state); a colleague's intervening save gives a conflict. */
    'story:save': z.object({ sessionId, storyId, story: StorySchema.optional() }).strict(),
    'story:discard': z.object({ sessionId, storyId }).strict(),
    'story:add': z.object({ sessionId, story: StorySchema }).strict(),
    'story:resolveConflict': z.object({ sessionId, storyId, keep: z.enum(['mine', 'theirs']) }).strict(),
    /** Take the crash-recovered (journaled) state of a story as its draft, or throw it away. */
    'recovery:apply': z.object({ sessionId, storyId }).strict(),
    'recovery:discard': z.object({ sessionId, storyId }).strict(),
    'lock:acquire': z.object({ sessionId, target: lockTarget }).strict(),
    'lock:release': z.object({ sessionId, target: lockTarget }).strict(),
    'lock:list': z.object({ sessionId }).strict(),
    'history:list': z.object({ sessionId }).strict(),
    /** Restore the whole issue, or one story, as it was at a snapshot (the state before is snapshotted first). */
    'history:restore': z.object({ sessionId, snapshotId, storyId: storyId.optional() }).strict(),
    /** Import a JPEG/PNG into the issue (checked, stored by content hash). */
    'asset:import': z.object({ sessionId, path: absPath, source: z.string().max(500).optional() }).strict(),
  };
}

/** A problem file: what the user is told (file, reason) and the snapshot to restore it from. */
export interface StoreProblem {
  kind: string;
  file: string;
  reason: string;
  message: string;
  fields: { path: string; message: string }[];
  lastGoodSnapshot: string | null;
}

export interface LockView {
  kind: 'story' | 'page';
  id: string;
  user: string;
  host: string;
  heartbeatAt: string;
  stale: boolean;
  mine: boolean;
}

export interface RecoveryView {
  storyId: string;
  slug: string;
  at: string;
  user: string;
  baseRevision: number;
  currentRevision: number | null;
}

/** An open issue session: the desk's view plus what editing needs. */
export interface DeskSession extends DeskIssue {
  sessionId: string;
  metaHash: string;
  readOnly: boolean;
  storeProblems: StoreProblem[];
  /** Unsaved edits found from a crash: offer to recover each. */
  recovery: RecoveryView[];
  locks: LockView[];
  dirty: string[];
}

export interface BudgetEntry {
  id: string;
  slug: string;
  kind: Story['kind'];
  status: Story['status'];
  author: string;
  revision: number;
  /** Han characters and other text in the body, for the budget's 字数 column. */
  chars: number;
  dirty: boolean;
  lock: LockView | null;
  /** Present when the story file could not be read. */
  problem: StoreProblem | null;
}

export interface StoryView {
  story: Story;
  savedRevision: number;
  dirty: boolean;
  lock: LockView | null;
  readOnlyReason: string | null;
}

export type SaveView =
  | { status: 'saved' | 'unchanged'; story: Story }
  | { status: 'conflict'; folder: string; message: string };

export type StoreEventView =
  | { type: 'storyChanged'; storyId: string; revision: number; story: Story }
  | { type: 'metaChanged'; meta: IssueMeta }
  | { type: 'conflict'; storyId: string; folder: string; theirsRevision: number; message: string }
  | { type: 'fileProblem'; problem: StoreProblem }
  | { type: 'lockLost'; target: { kind: 'story' | 'page'; id: string }; holder: LockView | null }
  | { type: 'autosaved'; storyIds: string[]; at: string }
  | { type: 'autosaveFailed'; error: StoreProblem };

export type LockAcquireView = { ok: true; tookOver: boolean } | { ok: false; holder: LockView; message: string };

export interface SnapshotView {
  id: string;
  at: string;
  kind: 'full' | 'delta';
  reason: string;
  user: string;
  files: string[];
}

export interface StoreResults {
  'issue:open': DeskSession;
  'issue:create': DeskSession;
  'issue:close': { closed: boolean };
  'issue:get': DeskSession;
  'issue:saveMeta': { meta: IssueMeta; metaHash: string };
  'issue:events': StoreEventView[];
  'story:list': BudgetEntry[];
  'story:get': StoryView;
  'story:edit': { dirty: true };
  'story:save': SaveView;
  'story:discard': StoryView;
  'story:add': StoryView;
  'story:resolveConflict': SaveView;
  'recovery:apply': StoryView;
  'recovery:discard': { discarded: boolean };
  'lock:acquire': LockAcquireView;
  'lock:release': { released: boolean };
  'lock:list': LockView[];
  'history:list': SnapshotView[];
  'history:restore': { restored: string[]; beforeSnapshotId: string | null; session: DeskSession };
  'asset:import': { asset: Asset; added: boolean };
}

// ——— Export channels (handlers in handlers/export.ts): print PDFs made in the main process from the saved files.
function exportChannels() {
  const sessionId = z.string().regex(/^[0-9a-f]{16}$/, '会话编号无效');
  const absPath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), '路径含有空字符');
  return {
    /** Where the export dialog proposes to write: `<documents>/导出/`. */
    'export:defaults': z.object({ sessionId }).strict(),
    /** Save the session's drafts, lay the saved issue out, preflight and write the PDF(s); progress arrives as `export-progress` host events. */
    'export:pdf': z.object({
      sessionId,
      /** Names this run in its progress events. */
      jobId: z.string().regex(/^[0-9A-Za-z-]{1,40}$/, '导出任务编号无效'),
      /** Page positions from 0; the whole issue when absent. */
      pages: z.array(z.number().int().min(0).max(999)).min(1).max(1000).optional(),
      pdfx: z.enum(['1a', 'none']),
      marks: z.boolean(),
      bleedMm: z.number().min(0).max(20),
      split: z.boolean(),
      force: z.boolean(),
      /** A .pdf file (one file) or a folder (split). */
      output: absPath,
    }).strict(),
  };
}

export interface ExportFindingView {
  severity: 'error' | 'warning' | 'info';
  code: string;
  page: string;
  message: string;
  storyId?: string;
  assetId?: string;
}

/** What the export wrote, and the fingerprint of each page it drew (src/core/display/digest.ts). */
export interface ExportView {
  files: { path: string; pages: string[]; bytes: number; sha256: string }[];
  held: string[];
  findings: ExportFindingView[];
  manifestPath: string;
  errors: boolean;
  /** Stories saved before the export (their drafts were pending). */
  saved: string[];
  /** Stories whose save hit a colleague's save: exported as they are on disk. */
  conflicts: string[];
  pages: { pageId: string; number: string; items: number; glyphs: number; hash: string }[];
}

export interface ExportResults {
  'export:defaults': { dir: string; issueDate: string; pageCount: number };
  'export:pdf': ExportView;
}

export interface ChannelResults extends StoreResults, ExportResults {
  'app:info': AppInfo;
  'app:newIssueDefaults': { documentsDir: string; canChooseFolder: boolean };
  'app:chooseFolder': { path: string | null };
  'app:setLocale': { applied: boolean };
  'issue:openSample': DeskSession;
  'issue:openAtLaunch': DeskSession;
  'asset:preview': { dataUrl: string };
}

export type Channel = keyof typeof channels;
export type Payload<C extends Channel> = z.infer<(typeof channels)[C]>;
export type Result<C extends Channel> = C extends keyof ChannelResults ? ChannelResults[C] : never;
