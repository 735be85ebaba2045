import { type DeskSession, type IpcResult, type YebanApi } from '../../../preload/api';
import { prefetchFonts } from '../layout/ipc-font-loader';

// What the window starts before the app's modules have run (boot/start.ts): opening the launch issue, then fetching
// the largest fonts its styles name (the session's hints). The app takes both when it gets there; until then they
// travel while its modules are evaluated and the desk is drawn.

let launch: Promise<IpcResult<DeskSession>> | null = null;

/** Asks for the launch issue now; its font hints are fetched as soon as it arrives. */
export function openLaunchIssueEarly(api: YebanApi): void {
  launch = api.invoke('issue:openAtLaunch', {});
  void launch.then((r) => r.ok && prefetchFonts(r.value.fontHints), () => {});
}

/** The launch issue's opening, started early; null once taken (or when nothing started it). */
export function takeLaunchIssue(): Promise<IpcResult<DeskSession>> | null {
  const l = launch;
  launch = null;
  return l;
}
