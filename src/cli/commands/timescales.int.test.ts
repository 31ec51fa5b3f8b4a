import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The installed command, which keeps Node's compile cache between runs: each process starts in half the time.
const main = new URL('../../../bin/hearth.js', import.meta.url).pathname;

function hearth(args: string[]) {
  return spawnSync(process.execPath, [main, ...args], {
    env: { PATH: process.env.PATH, HEARTH_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('hearth working-days', () => {
  it('adds working days and names the bank holidays skipped', () => {
    // Thu 17 Apr 2025 + 15: skip Good Fri 18, Easter Mon 21 and early-May Mon 5 May → Tue 13 May.
    const run = hearth(['working-days', 'add', '2025-04-17', '15']);
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      '2025-05-13',
      'Tue 13 May 2025 is 15 working days after Thu 17 Apr 2025.',
      'Bank holidays skipped: Good Friday (Fri 18 Apr 2025), Easter Monday (Mon 21 Apr 2025), Early May bank holiday (Mon 5 May 2025).',
      '',
    ]);
  });

  it('counts working days as JSON', () => {
    // After Fri 24 Dec 2010 up to Wed 29 Dec: Christmas and Boxing Day substitutes Mon 27, Tue 28 → 1.
    const run = hearth(['working-days', 'count', '2010-12-24', '2010-12-29', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      from: '2010-12-24',
      to: '2010-12-29',
      workingDays: 1,
      skipped: [
        { date: '2010-12-27', name: 'Christmas Day (substitute day)', reason: 'bank-holiday' },
        { date: '2010-12-28', name: 'Boxing Day (substitute day)', reason: 'bank-holiday' },
      ],
    });
  });
});

describe('hearth deadline', () => {
  it('prints the due date first, then why', () => {
    // Fri 1 Jun 2012 + 1 wd: skip Mon 4 (moved spring holiday) and Tue 5 (Diamond Jubilee) → Wed 6 Jun.
    const run = hearth(['deadline', 'contact-decision', '2012-06-01']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('2012-06-06');
    expect(lines).toContain(
      'Bank holidays skipped: Spring bank holiday (Mon 4 Jun 2012), Queen’s Diamond Jubilee (Tue 5 Jun 2012).',
    );
    expect(lines.at(-1)).toMatch(/^Source: Working Together to Safeguard Children 2023/);
  });

  it('answers in JSON with the rule, the date counted from and the days skipped', () => {
    // 30 Nov 2024 + 3 months → clamped to 28 Feb 2025.
    const run = hearth(['deadline', 'cp-review-first', '2024-11-30', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      rule: 'cp-review-first',
      countedFrom: '2024-11-30',
      dueBy: '2025-02-28',
      explanation: { period: { amount: 3, unit: 'months' }, skipped: [] },
    });
  });

  it.each([
    [
      ['deadline', 'icpc-review', '2025-01-06'],
      /^hearth: Unknown rule "icpc-review": use one of contact-decision, /,
    ],
    [['deadline', 'icpc', '2025-02-30'], /^hearth: "2025-02-30" is not a date: Feb 2025 has 28 days\.$/],
    [
      ['deadline', 'icpc', '06/01/2025'],
      /^hearth: "06\/01\/2025" is not a date: write dates as YYYY-MM-DD\.$/,
    ],
    [['working-days', 'add', '2025-01-06', 'ten'], /^hearth: "ten" is not a number of working days/],
    [['working-days', 'count', '2025-13-01', '2025-01-06'], /the month must be from 01 to 12/],
    [['working-days', 'add', '2035-12-31', '1'], /covers 1995 to 2035: 2036-01-01 is outside it/],
  ])('refuses %j with one line on stderr and exit code 2', (args, message) => {
    const run = hearth(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });
});
