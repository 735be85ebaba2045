import { type DeskSession, type IpcResult, type YebanApi } from '../../../preload/api';

// What the window starts before the app's modules have run (boot/start.ts): opening the launch issue. The app takes
// it when it gets there (its fonts are then fetched while the desk is drawn: layout/layout-ahead.ts); until then it
// travels while the app's modules are evaluated.

let launch: Promise<IpcResult<DeskSession>> | null = null;

/** Asks for the launch issue now. */
export function openLaunchIssueEarly(api: YebanApi): void {
  launch = api.invoke('issue:openAtLaunch', {});
  launch.catch(() => {}); // the app reports a failure when it takes the answer
}

/** The launch issue's opening, started early, without taking it (null when nothing started it or it was taken). */
export function launchIssuePending(): Promise<IpcResult<DeskSession>> | null {
  return launch;
}

/** The launch issue's opening, started early; null once taken (or when nothing started it). */
export function takeLaunchIssue(): Promise<IpcResult<DeskSession>> | null {
  const l = launch;
  launch = null;
  return l;
}
