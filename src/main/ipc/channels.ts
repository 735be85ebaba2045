import { z } from 'zod';

// The typed IPC channel table shared by the main process, the preload and the e2e Chromium host.
// Each channel names the schema its payload must pass; the result type is the handler's return type.
// Adding a channel: add it here, add its handler in handlers.ts, expose it in src/preload/api.ts.

export const channels = {
  'app:info': z.object({}).strict(),
} as const;

export type Channel = keyof typeof channels;
export type Payload<C extends Channel> = z.infer<(typeof channels)[C]>;
