import { type ValidationError, type FieldError } from '../../core/model';
import { errnoCode } from './fs-port';

export type StoreErrorKind =
  | 'io' // the disk refused: cause names the errno
  | 'invalid' // a file fails JSON or its schema
  | 'newer' // made by a newer Yeban: read-only
  | 'path' // a path leaves the issue folder
  | 'locked' // someone else holds the lock
  | 'conflict' // the file changed since it was read
  | 'image' // an asset that is not a usable JPEG/PNG
  | 'exists' // refusing to overwrite
  | 'missing'; // a file the issue names is not there

/**
 * The one error the store throws: which file, why (in Chinese, for the UI), and where a good copy is.
 * `fields` carries schema errors field by field; `lastGoodSnapshot` names a history snapshot to restore.
 */
export class StoreError extends Error {
  readonly kind: StoreErrorKind;
  readonly file: string;
  readonly reason: string;
  readonly fields: readonly FieldError[];
  readonly errno: string | undefined;
  lastGoodSnapshot: string | null;

  constructor(kind: StoreErrorKind, file: string, reason: string, opts: { fields?: readonly FieldError[]; cause?: unknown; lastGoodSnapshot?: string | null } = {}) {
    const fields = opts.fields ?? [];
    const detail = fields.length ? `：${fields.map((f) => `${f.path || '(根)'} ${f.message}`).join('；')}` : '';
    super(`${file}：${reason}${detail}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'StoreError';
    this.kind = kind;
    this.file = file;
    this.reason = reason;
    this.fields = fields;
    this.errno = errnoCode(opts.cause);
    this.lastGoodSnapshot = opts.lastGoodSnapshot ?? null;
  }

  toJSON(): StoreErrorInfo {
    return { kind: this.kind, file: this.file, reason: this.reason, fields: [...this.fields], errno: this.errno ?? null, lastGoodSnapshot: this.lastGoodSnapshot, message: this.message };
  }
}

export interface StoreErrorInfo {
  kind: StoreErrorKind;
  file: string;
  reason: string;
  fields: FieldError[];
  errno: string | null;
  lastGoodSnapshot: string | null;
  message: string;
}

const ERRNO_TEXT: Record<string, string> = {
  EACCES: '没有写入权限',
  EPERM: '操作不被允许',
  EROFS: '磁盘为只读',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '超出磁盘配额',
  EIO: '磁盘读写错误',
  ENOENT: '文件不存在',
  EEXIST: '文件已存在',
  EISDIR: '这是一个文件夹',
  ENOTDIR: '路径中有一项不是文件夹',
  EMFILE: '打开的文件过多',
  EBUSY: '文件正被占用',
  ETIMEDOUT: '网络盘超时',
};

/** Turn a Node fs error into a StoreError the user can act on (the errno stays in `errno`). */
export function ioError(file: string, action: string, e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const code = errnoCode(e);
  const why = code ? `${ERRNO_TEXT[code] ?? '系统错误'}（${code}）` : e instanceof Error ? e.message : String(e);
  return new StoreError('io', file, `${action}失败：${why}`, { cause: e });
}

export function fromValidation(e: ValidationError, lastGoodSnapshot: string | null = null): StoreError {
  return new StoreError('invalid', e.file, '内容不符合格式', { fields: e.errors, cause: e, lastGoodSnapshot });
}
