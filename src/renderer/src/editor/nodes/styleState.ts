import { createState } from 'lexical';

// Style ids live in NodeState. On the story's own block classes it is declared flat, so it serializes as
// a top-level `styleId` beside Lexical's fields (the shape of src/core/model/body.ts); on text runs it is
// ad-hoc state (see charStyle.ts), which Lexical writes under "$" and body.ts lifts to the top level.

const stringOr = (fallback: string) => (v: unknown): string => (typeof v === 'string' && v.length > 0 ? v : fallback);

/** Paragraph style of a body paragraph; 'body' (正文) when absent. */
export const paragraphStyleState = createState('styleId', { parse: stringOr('body') });

/** Paragraph style of a sub-head; 'subhead' (小标题) when absent. */
export const subheadStyleState = createState('styleId', { parse: stringOr('subhead') });

/** Character style of a text run; '' means none (the run takes its paragraph's style). */
export const charStyleState = createState('styleId', { parse: stringOr('') });
