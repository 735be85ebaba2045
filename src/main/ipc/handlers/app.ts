import { type HandlerTable } from '../dispatch';

export const appHandlers: HandlerTable = {
  'app:info': async (_payload, ctx) => ({ name: 'yeban', version: ctx.appVersion, host: ctx.host, platform: process.platform }),
  'app:newIssueDefaults': async (_payload, ctx) => ({ documentsDir: ctx.documentsDir, canChooseFolder: ctx.chooseFolder !== undefined }),
  'app:chooseFolder': async ({ title }, ctx) => ({ path: ctx.chooseFolder ? await ctx.chooseFolder(title) : null }),
  'app:setLocale': async ({ locale }, ctx) => {
    ctx.onLocale?.(locale);
    return { applied: ctx.onLocale !== undefined };
  },
};
