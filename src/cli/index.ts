// Entry point of the `yeban` command (bundled to out/cli/yeban.mjs, run by bin/yeban.mjs).
import { processContext } from './context';
import { runCli } from './program';

const code = await runCli(process.argv.slice(2), processContext());
process.exitCode = code;
