// The window only ever shows the app itself: in-page navigation to another document and every
// window.open/target=_blank are refused. A reload of our own entry page stays allowed.
export function isNavigationAllowed(targetUrl: string, entryUrl: string): boolean {
  try {
    const target = new URL(targetUrl);
    const entry = new URL(entryUrl);
    return target.protocol === entry.protocol && target.host === entry.host && target.pathname === entry.pathname;
  } catch {
    return false;
  }
}

export const DENY_WINDOW_OPEN = { action: 'deny' } as const;
