// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/renderer/src/i18n/messages';
import { EDITOR_MESSAGES, editorText, type EditorMessageKey } from '../../src/renderer/src/editor/messages';

const reference = EDITOR_MESSAGES['zh-CN'];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('story editor strings', () => {
  it.each(LOCALES)('%s has every key, none empty, with the same placeholders', (locale) => {
    const table = EDITOR_MESSAGES[locale];
    expect(Object.keys(table).sort()).toEqual(Object.keys(reference).sort());
    for (const key of Object.keys(reference) as EditorMessageKey[]) {
      expect(table[key].trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(table[key]), `${locale} ${key}`).toEqual(placeholders(reference[key]));
    }
  });

  it('has a key for every et(...) call in the editor', () => {
    const used = new Set<string>();
    for (const file of sources(path.resolve('src/renderer/src/editor'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bet\(\s*'([^']+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(reference, key).toHaveProperty([key]);
  });

  it('speaks Chinese first and fills placeholders', () => {
    expect(editorText('zh-CN', 'toolbar.dateline')).toBe('电头');
    expect(editorText('en', 'form.photo', { n: 2 })).toBe('Photo 2');
  });
});
