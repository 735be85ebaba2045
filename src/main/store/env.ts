import os from 'node:os';
import { nodeFs, type FsPort } from './fs-port';

/** Who is working, on which machine, and the clock and disk the store uses (all injectable for tests). */
export interface StoreEnv {
  readonly fs: FsPort;
  readonly now: () => number;
  readonly user: string;
  readonly host: string;
  readonly pid: number;
  /** Whether a pid on this host is still running (the lock rule "stale at once when the holder's pid is gone"). */
  readonly pidAlive: (pid: number) => boolean;
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as { code?: string }).code === 'EPERM';
  }
}

function userName(): string {
  try {
    return process.env.YEBAN_USER || os.userInfo().username;
  } catch {
    return process.env.USER ?? '未知用户';
  }
}

export function defaultEnv(over: Partial<StoreEnv> = {}): StoreEnv {
  return { fs: nodeFs, now: Date.now, user: userName(), host: os.hostname(), pid: process.pid, pidAlive, ...over };
}

export function serialize(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
