import path from 'node:path';
import { copySampleIssue } from '../../store';
import { SAMPLE_ISSUE_FOLDER } from '../../app/paths';
import { type HandlerTable } from '../dispatch';
import { deskSession, openSession } from './store';

export const issueHandlers: HandlerTable = {
  // The bundled sample is never edited in place: the desk opens the user's copy in the documents
  // folder, made on first launch and reopened (with the user's edits) on later ones.
  'issue:openSample': async (_payload, ctx) => {
    const bundled = path.join(ctx.resourcesDir, 'sample', SAMPLE_ISSUE_FOLDER);
    const dir = await copySampleIssue(bundled, ctx.documentsDir, { reuse: true });
    return deskSession(await openSession(dir));
  },
};
