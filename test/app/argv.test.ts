import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { handOffEvent, issuePathFromArgv } from '../../src/main/app/argv';

const cwd = path.resolve('/home/editor');

describe('second-instance argv hand-off', () => {
  it('finds the issue folder after the executable, switches and the app folder', () => {
    expect(issuePathFromArgv(['/opt/yeban/yeban', '--enable-logging', '2024-03-08-太白湖新区.yeban'], cwd)).toBe(path.join(cwd, '2024-03-08-太白湖新区.yeban'));
    expect(issuePathFromArgv(['electron', '/src/yeban', '--no-sandbox', '/data/期刊/A.yeban/'], cwd)).toBe(path.resolve('/data/期刊/A.yeban'));
  });

  it('returns null when no issue is named', () => {
    expect(issuePathFromArgv(['/opt/yeban/yeban'], cwd)).toBeNull();
    expect(issuePathFromArgv(['electron', '.', '--flag=x.yeban'], cwd)).toBeNull();
    expect(issuePathFromArgv([], cwd)).toBeNull();
  });

  it('never takes the executable itself, even if it is named like an issue', () => {
    expect(issuePathFromArgv(['/weird/x.yeban'], cwd)).toBeNull();
  });

  it('takes the last issue named when several are given', () => {
    expect(issuePathFromArgv(['yeban', 'a.yeban', 'b.YEBAN'], cwd)).toBe(path.join(cwd, 'b.YEBAN'));
  });
});

describe('hand-off event', () => {
  it('asks the first window to open the named issue, or nothing', () => {
    expect(handOffEvent(['yeban', 'b.yeban'], cwd)).toEqual({ type: 'open-issue', path: path.join(cwd, 'b.yeban') });
    expect(handOffEvent(['yeban'], cwd)).toBeNull();
  });
});
