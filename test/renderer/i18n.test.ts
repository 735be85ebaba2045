import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { TABLES, LOCALES, translate, DEFAULT_LOCALE, type MessageKey } from '../../src/renderer/src/i18n/messages';
import { STORY_KINDS, STORY_STATUSES } from '../../src/core/model';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const reference = TABLES['zh-CN'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('UI strings', () => {
  it('default to Simplified Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(translate('zh-CN', 'budget.title')).toBe('稿件库');
  });

  it.each(LOCALES)('%s has every key, none empty, with the same placeholders', (locale) => {
    const table = TABLES[locale];
    expect(Object.keys(table).sort()).toEqual(Object.keys(reference).sort());
    for (const key of Object.keys(reference) as MessageKey[]) {
      expect(table[key].trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(table[key]), `${locale} ${key}`).toEqual(placeholders(reference[key]));
    }
  });

  it('translates every story kind and status the model knows', () => {
    for (const k of STORY_KINDS) expect(reference).toHaveProperty(`kind.${k}`);
    for (const s of STORY_STATUSES) expect(reference).toHaveProperty(`status.${s}`);
  });

  it('has a key for every literal t(...) call in the renderer', () => {
    const used = new Set<string>();
    for (const file of sources(path.resolve('src/renderer/src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const key of used) expect(reference, key).toHaveProperty([key]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'budget.lengthValue', { n: 1234 })).toBe('1234 字');
    expect(translate('en', 'budget.count', { n: 3 })).toBe('3 stories');
    expect(translate('zh-CN', 'budget.count')).toBe('共 {n} 篇');
  });
});
