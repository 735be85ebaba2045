import { type DeskSession, type IpcResult, type YebanApi } from '../../../preload/api';
import { takeLaunchIssue } from '../boot/early';

// Which issue the desk opens: the one named on the command line (or handed over by a second launch),
// otherwise the user's copy of the bundled sample.

export type OpenOutcome = { state: 'open'; opened: DeskSession } | { state: 'failed'; message: string };

const outcome = (r: IpcResult<DeskSession>): OpenOutcome => (r.ok ? { state: 'open', opened: r.value } : { state: 'failed', message: r.error.message });

export async function openAtLaunch(api: YebanApi): Promise<OpenOutcome> {
  return outcome(await (takeLaunchIssue() ?? api.invoke('issue:openAtLaunch', {})));
}

export async function openIssueAt(api: YebanApi, path: string): Promise<OpenOutcome> {
  return outcome(await api.invoke('issue:open', { path }));
}
