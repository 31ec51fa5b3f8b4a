import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The installed command, which keeps Node's compile cache between runs: each process starts in half the time.
const main = new URL('../../../bin/hearth.js', import.meta.url).pathname;
const databaseUrl = `pglite://${mkdtempSync(join(tmpdir(), 'hearth-demo-'))}`;

function hearth(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [main, ...args], {
    env: {
      PATH: process.env.PATH,
      HEARTH_DATABASE_URL: databaseUrl,
      HEARTH_LOG_LEVEL: 'silent',
      HEARTH_DEMO_PASSWORD: 'a demo password for tests',
      ...env,
    },
    encoding: 'utf8',
    timeout: 180_000,
  });
}

describe('hearth demo', () => {
  it('refuses to run in production', () => {
    const run = hearth(['demo'], { HEARTH_ENV: 'production' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('HEARTH_ENV=production');
  });

  it('loads the small council, prints a sign-in per role, and they are listed', { timeout: 300_000 }, () => {
    const run = hearth(['demo', '--size', 'small', '--seed', '3', '--as-at', '2026-03-31']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('social-worker@hearthshire.example');
    expect(run.stdout).toContain('"a demo password for tests"');
    // The share of each kind of work done on time, in words.
    expect(run.stdout).toContain('Work done on time in the year to 2026-03-31');
    expect(run.stdout).toMatch(/Visit \(child in need plan\) +\d+%/);
    const listed = JSON.parse(hearth(['user', 'list', '--json']).stdout) as { email: string }[];
    expect(listed.map((user) => user.email)).toContain('independent-reviewing-officer@hearthshire.example');
    expect(listed).toHaveLength(9);
    const again = hearth(['demo', '--size', 'small']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds the demonstration council');
  });
});
