import { useMemo } from 'react';

/**
 * The `dangerouslySetInnerHTML` value for `html`, one object per string: React 19 sets `innerHTML` again whenever it
 * is handed a new object, even one holding the same string, so a run of the page that only moved (a new transform)
 * would have its whole drawing parsed again.
 */
export function useInnerHtml(html: string): { __html: string } {
  return useMemo(() => ({ __html: html }), [html]);
}
