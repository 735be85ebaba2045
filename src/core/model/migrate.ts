import { SCHEMA_VERSION } from './issue';

/**
 * Migrations of issue.json, one step per schema version: migrations[n] turns version n into n + 1.
 * A file from a newer Yeban (version > SCHEMA_VERSION) is never migrated down: it opens read-only.
 */
type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

const migrations: Record<number, Migration> = {
  // 0 → 1: pre-release files had no schemaVersion and called the page list `plates`.
  0: (d) => {
    const { plates, ...rest } = d as { plates?: unknown } & Record<string, unknown>;
    return { ...rest, pages: rest.pages ?? plates ?? [], schemaVersion: 1 };
  },
};

export type MigrationResult =
  | { readonly kind: 'current'; readonly data: Record<string, unknown> }
  | { readonly kind: 'migrated'; readonly data: Record<string, unknown>; readonly from: number }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'invalid'; readonly reason: string };

export function migrateIssue(raw: unknown): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'invalid', reason: '不是 JSON 对象' };
  const data = raw as Record<string, unknown>;
  const v = data.schemaVersion === undefined ? 0 : data.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return { kind: 'invalid', reason: `schemaVersion 无效：${JSON.stringify(v)}` };
  if (v > SCHEMA_VERSION) return { kind: 'newer', version: v };
  if (v === SCHEMA_VERSION) return { kind: 'current', data };
  let cur = data;
  for (let n = v; n < SCHEMA_VERSION; n++) {
    const step = migrations[n];
    if (!step) return { kind: 'invalid', reason: `没有从版本 ${n} 升级的方法` };
    cur = step(cur);
  }
  return { kind: 'migrated', data: cur, from: v };
}
