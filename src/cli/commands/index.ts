// The command registry: every command file adds exactly one entry here, so `yeban --help`
// lists only commands that exist.
import { type Command } from 'commander';
import { type CliContext } from '../context';
import * as check from './check';
import * as compose from './compose';
import * as importCopy from './import';
import * as newIssue from './new';
import * as info from './info';
import * as history from './history';
import * as restore from './restore';
import * as layout from './layout';
import * as render from './render';
import * as exportPdf from './export';

export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

export const commands: CommandModule[] = [
  newIssue,
  info,
  history,
  restore,
  importCopy,
  check,
  compose,
  layout,
  render,
  exportPdf,
];
