/** What a paste becomes before it reaches the editor: story blocks with bold runs and line breaks only. */
export type PastedInline = { type: 'text'; text: string; bold: boolean } | { type: 'linebreak' };

export interface PastedBlock {
  kind: 'paragraph' | 'subhead';
  inlines: PastedInline[];
}

export function blockText(block: PastedBlock): string {
  return block.inlines.map((i) => (i.type === 'text' ? i.text : '\n')).join('');
}
