// The issue store (DESIGN.md §4): plain Node, shared by the Electron main process, the e2e host and the CLI.
export { type FsPort, type FileHandlePort, type OpenMode, nodeFs, errnoCode } from './fs-port';
export { StoreError, type StoreErrorKind, type StoreErrorInfo } from './errors';
export { defaultEnv, pidAlive, serialize, type StoreEnv } from './env';
export { writeFileAtomic } from './atomic';
export {
  ISSUE_FILE, STORIES_DIR, ASSETS_DIR, LOCKS_DIR, JOURNAL_DIR, HISTORY_DIR, CONFLICTS_DIR, storyFile, insidePath, resolveExisting,
} from './paths';
export { openIssue, parseIssueMeta, parseStory, type OpenedIssue, type OpenOptions, type Finding, type RecoveryOffer } from './open';
export { saveStory, saveIssueMeta, addStory, type SaveStoryOptions, type SavedStory, type SaveMetaOptions, type SavedMeta } from './save';
export { createIssue, parsePageSize, geometryFor, newIssueMeta, type CreateIssueOptions, type PageSize } from './create';
export { copySampleIssue, type CopySampleOptions } from './sample';
export { listSnapshots, pruneHistory, sha256, DEFAULT_PRUNE, type SnapshotInfo, type PrunePolicy } from './history';
export { takeFullSnapshot } from './snapshot';
export { restoreSnapshot, type RestoreOptions, type RestoreResult } from './restore';
export { writeJournal, readJournal, clearJournal, listJournal, type JournalEntry } from './journal';
export {
  acquireLock, releaseLock, heartbeat, listLocks, listTakeovers, readLockInfo, newLockToken, holderMessage,
  HEARTBEAT_MS, STALE_MS, LockTargetSchema, type LockTarget, type LockInfo, type LockRecord, type AcquireResult, type TakeoverRecord,
} from './locks';
export { IssueSession, type SessionEvent, type SessionOptions, type StoryState, type SaveOutcome } from './session';
export { importAsset, type ImportedAsset, MAX_IMAGE_BYTES } from './assets';
export { recordConflict, type ConflictRecord } from './conflicts';
export { probeImage, sniffImage, ImageRejected, MAX_MEGAPIXELS, type ImageInfo } from './image-header';
export { bodyChars, summarizeIssue, type IssueSummary } from './summary';
