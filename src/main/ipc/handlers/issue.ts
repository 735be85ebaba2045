import path from 'node:path';
import { copySampleIssue } from '../../store';
import { SAMPLE_ISSUE_FOLDER } from '../../app/paths';
import { type HandlerContext, type HandlerTable } from '../dispatch';
import { deskSession, openSession } from './store';

// The bundled sample is never edited in place: the desk opens the user's copy in the documents
// folder, made on first launch and reopened (with the user's edits) on later ones.
async function openSample(ctx: HandlerContext) {
  const bundled = path.join(ctx.resourcesDir, 'sample', SAMPLE_ISSUE_FOLDER);
  const dir = await copySampleIssue(bundled, ctx.documentsDir, { reuse: true });
  return deskSession(await openSession(dir));
}

export const issueHandlers: HandlerTable = {
  'issue:openSample': async (_payload, ctx) => openSample(ctx),
  // One round trip at start-up: the first page waits for this session.
  'issue:openAtLaunch': async (_payload, ctx) => (ctx.launchIssuePath ? deskSession(await openSession(ctx.launchIssuePath)) : openSample(ctx)),
};
