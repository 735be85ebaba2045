import { yeban } from '../ipc/api';
import { openLaunchIssueEarly } from './early';

// Imported first by main.tsx, so it runs before the rest of the app's modules are evaluated (a few hundred
// milliseconds of start-up): the launch issue is already on its way.
try {
  openLaunchIssueEarly(yeban());
} catch {
  // No host API: the app reports it when it starts.
}
