// Edits the story editor has not yet handed to the main process (it sends them a moment after the last
// keystroke). Whatever saves from the session's side — export saves the drafts first, then lays out the saved
// files — must first hand them over, or a word typed just before 导出 would be missing from the PDF.

type Flush = () => Promise<void>;

const flushes = new Set<Flush>();

/** An editor's way to hand over its pending edit; returns the function that withdraws it. */
export function registerDraftFlush(flush: Flush): () => void {
  flushes.add(flush);
  return () => {
    flushes.delete(flush);
  };
}

/** Hands every pending edit to the main process; resolves when all have arrived (or failed, which the editor shows). */
export async function flushPendingDrafts(): Promise<void> {
  await Promise.all([...flushes].map((f) => f().catch(() => undefined)));
}
