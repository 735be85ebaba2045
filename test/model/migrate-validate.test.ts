import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOUSE,
  DEFAULT_STYLES,
  HouseSettingsSchema,
  IssueSchema,
  SCHEMA_VERSION,
  StyleCatalogSchema,
  StorySchema,
  ValidationError,
  chineseDate,
  fieldErrors,
  formatPath,
  migrateIssue,
  parseOrThrow,
} from '../../src/core/model/index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sampleIssue = (): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(root, 'resources/sample/2024-03-08-太白湖新区.yeban/issue.json'), 'utf8')) as Record<string, unknown>;

describe('migrateIssue', () => {
  it('a current file passes through unchanged', () => {
    const data = sampleIssue();
    const r = migrateIssue(data);
    expect(r.kind).toBe('current');
    if (r.kind === 'current') expect(r.data).toBe(data);
  });

  it('v0 (no schemaVersion, pages called plates) migrates to a valid v1 issue', () => {
    const { schemaVersion: _v, pages, ...rest } = sampleIssue();
    const r = migrateIssue({ ...rest, plates: pages });
    expect(r.kind).toBe('migrated');
    if (r.kind !== 'migrated') return;
    expect(r.from).toBe(0);
    expect(r.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(r.data).not.toHaveProperty('plates');
    expect(r.data.pages).toEqual(pages);
    expect(IssueSchema.parse(r.data).pages[0]?.name).toBe('太白湖新区');
  });

  it('a file from a newer Yeban is reported as newer, never migrated down', () => {
    expect(migrateIssue({ ...sampleIssue(), schemaVersion: SCHEMA_VERSION + 1 })).toEqual({ kind: 'newer', version: SCHEMA_VERSION + 1 });
  });

  it('rejects what is not an issue, saying why', () => {
    expect(migrateIssue([])).toMatchObject({ kind: 'invalid' });
    expect(migrateIssue(null)).toMatchObject({ kind: 'invalid', reason: '不是 JSON 对象' });
    const bad = migrateIssue({ schemaVersion: '1' });
    expect(bad.kind).toBe('invalid');
    if (bad.kind === 'invalid') expect(bad.reason).toContain('schemaVersion');
    expect(migrateIssue({ schemaVersion: -1 }).kind).toBe('invalid');
    expect(migrateIssue({ schemaVersion: 0.5 }).kind).toBe('invalid');
  });
});

describe('validation errors name the file, the field and the reason', () => {
  it('formatPath writes paths the way a person reads them', () => {
    expect(formatPath(['pages', 0, 'frames', 3, 'span'])).toBe('pages[0].frames[3].span');
    expect(formatPath([])).toBe('');
    expect(formatPath([2, 'x'])).toBe('[2].x');
  });

  it('a bad frame in issue.json is reported at its path', () => {
    const data = sampleIssue() as { pages: { frames: Record<string, unknown>[] }[] };
    (data.pages[0]!.frames[3] as Record<string, unknown>).span = 0;
    (data as unknown as Record<string, unknown>).date = '2024/03/08';
    let error: unknown;
    try {
      parseOrThrow(IssueSchema, data, 'issue.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.file).toBe('issue.json');
    expect(v.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['pages[0].frames[3].span', 'date']));
    expect(v.errors.find((e) => e.path === 'date')?.message).toBe('日期须为 YYYY-MM-DD');
    expect(v.message).toMatch(/^issue\.json: /);
    expect(v.message).toContain('pages[0].frames[3].span');
  });

  it('a story with a bad id or unknown kind names those fields', () => {
    const r = StorySchema.safeParse({ id: 'Bad ID', slug: 'x', kind: '小说', headline: {}, body: { root: { type: 'root', children: [] } } });
    expect(r.success).toBe(false);
    if (r.success) return;
    const errors = fieldErrors(r.error);
    expect(errors.find((e) => e.path === 'id')?.message).toBe('稿件编号只能由小写字母、数字和连字符组成');
    expect(errors.map((e) => e.path)).toContain('kind');
  });

  it('a root-level failure says so', () => {
    const e = new ValidationError('stories/a.json', [{ path: '', message: '不是对象' }]);
    expect(e.message).toBe('stories/a.json: (根): 不是对象');
  });
});

describe('styles and house defaults', () => {
  it('the default catalog validates and follows DESIGN.md §3a: body 小五 书宋 400, 主题 标宋 900, 引题/副题 标宋 700', () => {
    const catalog = StyleCatalogSchema.parse(DEFAULT_STYLES);
    const p = (id: string) => catalog.paragraph.find((s) => s.id === id);
    expect(p('body')).toMatchObject({ role: '书宋', weight: 400, size: { hao: '小五' }, firstLineIndentEm: 2 });
    expect(p('headline')).toMatchObject({ role: '标宋', weight: 900 });
    expect(p('kicker')).toMatchObject({ role: '标宋', weight: 700 });
    expect(p('subtitle')).toMatchObject({ role: '标宋', weight: 700 });
    expect(p('note')?.role).toBe('楷体');
    expect(catalog.character.map((c) => c.id)).toEqual(expect.arrayContaining(['dateline', 'credit', 'runin']));
    const ids = catalog.paragraph.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('house defaults: DTP 号 table, GB kinsoku, 全角式, 200 ppi minimum', () => {
    expect(HouseSettingsSchema.parse({})).toEqual(DEFAULT_HOUSE);
    expect(DEFAULT_HOUSE.haoTable.小五).toBe(9);
    expect(DEFAULT_HOUSE.kinsoku).toBe('gb');
    expect(DEFAULT_HOUSE.punctStyle).toBe('quanjiao');
    expect(DEFAULT_HOUSE.output.minImagePpi).toBe(200);
  });

  it('chineseDate gives the 报眉 date with its weekday', () => {
    expect(chineseDate('2024-03-08')).toBe('2024年3月8日 星期五');
    expect(chineseDate('2024-03-04')).toBe('2024年3月4日 星期一');
    expect(chineseDate('2000-01-01')).toBe('2000年1月1日 星期六');
  });
});
