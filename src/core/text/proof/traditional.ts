import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { type TextFinding } from './types';

// Traditional characters inside simplified text, found with OpenCC's traditional → simplified data
// (opencc-js core + dictionaries only: no Node APIs). Phrases decide context, so 乾坤 stays while 乾淨
// is reported.

let converter: ((text: string) => string) | null = null;
let candidates: Set<string> | null = null;

function load(): { convert: (text: string) => string; chars: Set<string> } {
  if (!converter || !candidates) {
    converter = ConverterFactory([TSCharacters, TSPhrases]);
    candidates = new Set();
    for (const entry of TSCharacters.split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from !== to) candidates.add(from);
    }
  }
  return { convert: converter, chars: candidates };
}

const WINDOW = 3;

export function findTraditional(text: string): TextFinding[] {
  const { convert, chars } = load();
  const out: TextFinding[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!chars.has(ch)) continue;
    const start = Math.max(0, i - WINDOW);
    const window = text.slice(start, i + WINDOW + 1);
    const converted = convert(window);
    // Phrase mappings keep lengths in practice; if one does not, fall back to the character alone.
    const simplified = converted.length === window.length ? converted[i - start]! : convert(ch);
    if (simplified === ch) continue;
    out.push({ offset: i, length: 1, rule: 'traditional', message: `“${ch}”是繁体字，简体文本中应为“${simplified}”`, suggestion: simplified });
  }
  return out;
}
