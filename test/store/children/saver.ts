// Saves one story continuously until killed: random payloads of 1 KB – 1 MB, edits journaled by the
// session's autosave, saves in between. Every disk write is announced on stdout *synchronously* (W+ before
// the temp file is opened, W- after the rename), so the parent can tell whether its SIGKILL landed
// mid-write. E and S lines record edits and completed saves with their times.
import { writeSync } from 'node:fs';
import { bodyOf, paragraphNode, textNode } from '../../../src/core/model';
import { IssueSession, defaultEnv, nodeFs, type FsPort } from '../../../src/main/store';

const [dir, seedText, autosaveText, firstSeqText] = process.argv.slice(2) as [string, string, string, string];
let seed = Number(seedText) >>> 0 || 1;
const rand = (): number => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const say = (line: string): void => {
  writeSync(1, `${line}\n`);
};

// O <temp> <t>: a temp file opened; D <temp> <seq>: which edit it carries; R <temp> <target> <t>: renamed into place.
const fs: FsPort = {
  ...nodeFs,
  async open(p, mode) {
    if (mode === 'read-dir') return nodeFs.open(p, mode);
    say(`O ${p} ${Date.now()}`);
    const h = await nodeFs.open(p, mode);
    return {
      ...h,
      write: (data) => {
        const m = /"slug": "seq-(\d+)"/.exec(Buffer.from(data.subarray(0, 2000)).toString('utf8'));
        say(`D ${p} ${m ? m[1] : '-'}`);
        return h.write(data);
      },
      sync: () => h.sync(),
      close: () => h.close(),
    };
  },
  async rename(a, b) {
    await nodeFs.rename(a, b);
    say(`R ${a} ${b} ${Date.now()}`);
  },
};

const session = await IssueSession.open(dir, {
  env: defaultEnv({ fs }),
  watch: false,
  autosaveMs: Number(autosaveText),
});
const chunk = '太白湖新区推进项目建设，群众满意度持续提升。'.repeat(50);

// A predecessor killed in the middle of taking over the lock can hold it up for a moment.
for (let i = 0; !(await session.lock({ kind: 'story', id: 'a1' })).ok; i++) {
  if (i > 100) throw new Error('lock never became free');
  await new Promise((r) => setTimeout(r, 50));
}
say('READY');
// L <ms>: the latest this process's timers have run so far (a loaded machine runs the autosave timer late too).
let due = Date.now() + 10;
let worstLag = 0;
setInterval(() => {
  const lag = Date.now() - due;
  if (lag > worstLag) {
    worstLag = lag;
    say(`L ${lag}`);
  }
  due = Date.now() + 10;
}, 10);
// Sequence numbers continue across runs, so the parent can compare what different runs left behind.
for (let seq = Number(firstSeqText); ; seq++) {
  const bytes = Math.floor(1024 + rand() * (1024 * 1024 - 1024));
  const text = chunk.repeat(Math.ceil(bytes / (chunk.length * 3))).slice(0, Math.floor(bytes / 3));
  const story = { ...session.savedStory('a1')!, slug: `seq-${seq}`, body: bodyOf([paragraphNode([textNode(text)])]) };
  await session.edit(story);
  say(`E ${seq} ${Date.now()}`);
  if (rand() < 0.05) {
    const r = await session.save('a1');
    if (r.status !== 'saved') throw new Error(`save failed: ${JSON.stringify(r)}`);
    say(`S ${seq} ${Date.now()}`);
  }
  await new Promise((r) => setTimeout(r, Math.floor(rand() * 8)));
}
