import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../platform/mail.ts';
import { signedInAs, testServer } from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { buildReminders } from './service.ts';

describe('daily reminders', async () => {
  const now = new Date('2025-06-24T06:00:00Z');
  const { app, db } = await testServer({ clock: () => now });

  it('lists what is overdue and due soon for the worker and their manager, mails them, and shows it after sign-in', async () => {
    const { council, worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    // Referred Mon 14 April 2025: the assessment was due by Fri 20 June, so it is overdue on Tue 24 June.
    await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
    const sent: MailMessage[] = [];
    const result = await buildReminders(
      db,
      council.id,
      { now, today: '2025-06-24' },
      { send: async (message) => void sent.push(message) },
    );
    expect(result).toEqual({ workers: 2, sent: 2 });
    expect(sent.map((message) => message.to).sort()).toEqual([manager.email, worker.email].sort());
    expect(sent[0]!.subject).toBe('Hearth: 1 overdue, 0 due in the next 7 days');
    // Mail leaves the council's systems: it never names a child.
    expect(sent.map((message) => message.text).join(' ')).not.toContain(child.familyName);

    // The daily job rewrites every obligation, then refreshes the planner's statistics of them, so that the team
    // and service views are planned on what is there rather than on an empty table.
    const stored = await db
      .selectFrom('child_obligations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const planned = await sql<{
      reltuples: number;
    }>`select reltuples from pg_class where oid = 'child_obligations'::regclass`.execute(db);
    expect(Number(stored.n)).toBeGreaterThan(0);
    expect(Number(planned.rows[0]!.reltuples)).toBe(Number(stored.n));

    const home = await (await signedInAs(app, worker)).get('/home');
    expect(home.body).toContain('Your reminders for 24 June 2025');
    expect(home.body).toContain(
      `${child.givenName} ${child.familyName}</a>: Assessment authorised, due 20 June 2025`,
    );
  });
});
