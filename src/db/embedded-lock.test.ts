import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockEmbeddedDatabase, processStartTime } from './embedded-lock.ts';

describe('the lock on an embedded database', () => {
  // Another process that stays alive while the tests run, to hold locks.
  const other = spawn('sleep', ['60']);
  afterAll(() => other.kill());
  const otherPid = other.pid!;

  const folder = () => join(mkdtempSync(join(tmpdir(), 'hearth-lock-')), 'hearth');
  const heldBy = (dataDir: string, holder: unknown) =>
    writeFileSync(`${dataDir}.lock`, JSON.stringify(holder));

  it('names this process and its start time, and is gone once released', () => {
    const dataDir = folder();
    const release = lockEmbeddedDatabase(dataDir);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toEqual({
      pid: process.pid,
      started: processStartTime(process.pid),
    });
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('is refused while its holder runs', () => {
    const dataDir = folder();
    heldBy(dataDir, { pid: otherPid, started: processStartTime(otherPid) });
    expect(() => lockEmbeddedDatabase(dataDir)).toThrow(`is in use by process ${otherPid}`);
  });

  it('is taken over when its holder has died', () => {
    const dataDir = folder();
    heldBy(dataDir, { pid: 2 ** 22 + 1, started: '1' });
    lockEmbeddedDatabase(dataDir)();
  });

  it('is taken over when its holder’s process id now belongs to a process that started later', () => {
    const dataDir = folder();
    heldBy(dataDir, { pid: otherPid, started: '1' });
    lockEmbeddedDatabase(dataDir)();
  });

  it('is refused, to be safe, when an older lock names only a process id that is in use', () => {
    const dataDir = folder();
    writeFileSync(`${dataDir}.lock`, String(otherPid));
    expect(() => lockEmbeddedDatabase(dataDir)).toThrow(`is in use by process ${otherPid}`);
  });
});
