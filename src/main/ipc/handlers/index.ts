import { type HandlerTable } from '../dispatch';
import { appHandlers } from './app';
import { previewHandlers } from './previews';
import { issueHandlers } from './issue';
import { storeHandlers } from './store';
import { exportHandlers } from './export';

// Every handler table, merged: the one table ipcMain and the e2e Chromium host both dispatch to.
// A channel defined twice is a programming error, caught here at start-up rather than shadowed.
function merge(...tables: HandlerTable[]): HandlerTable {
  const merged: Record<string, unknown> = {};
  for (const table of tables) {
    for (const [channel, handler] of Object.entries(table)) {
      if (channel in merged) throw new Error(`IPC channel ${channel} has two handlers`);
      merged[channel] = handler;
    }
  }
  return merged as HandlerTable;
}

export const handlers: HandlerTable = merge(appHandlers, issueHandlers, storeHandlers, previewHandlers, exportHandlers);
