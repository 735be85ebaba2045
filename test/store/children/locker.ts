// Tries to take one lock at a given wall-clock moment (so two processes contend for real), prints the
// outcome as one JSON line, then holds the lock with heartbeats until told to release or killed.
import { createInterface } from 'node:readline';
import { writeSync } from 'node:fs';
import { acquireLock, defaultEnv, heartbeat, newLockToken, releaseLock, type LockTarget } from '../../../src/main/store';

const [dir, kind, id, atText, heartbeatText] = process.argv.slice(2) as [string, 'story' | 'page', string, string, string];
const env = defaultEnv();
const token = newLockToken();
const target: LockTarget = { kind, id };

const wait = Number(atText) - Date.now();
if (wait > 0) await new Promise((r) => setTimeout(r, wait));
const r = await acquireLock(env, dir, target, token);
writeSync(1, `${JSON.stringify({ pid: process.pid, user: env.user, ...r })}\n`);

const beat = setInterval(() => void heartbeat(env, dir, target, token), Number(heartbeatText));
const rl = createInterface({ input: process.stdin });
rl.on('line', (line) => {
  if (line === 'release') {
    void releaseLock(env, dir, target, token).then((ok) => {
      writeSync(1, `${JSON.stringify({ released: ok })}\n`);
      clearInterval(beat);
      rl.close();
    });
  }
});
rl.on('close', () => clearInterval(beat));
