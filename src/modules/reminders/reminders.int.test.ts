import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../platform/mail.ts';
import { allocate, newTeam, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';
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

  it('gives a reviewing officer only the reviews they chair, and the social worker everything, on the home page and My caseload', async () => {
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db);
    const reviewing = await newTeam(db, council, { name: 'Reviewing officers' });
    const officer = await newWorker(db, council, 'independent-reviewing-officer', {
      team: reviewing,
      givenName: 'Gareth',
    });
    await allocate(db, child, officer, { caseRole: 'independent-reviewing-officer', from: '2025-04-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-03-03' });
    const browser = await signedInAs(app, worker);
    const cared = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/periods-of-care`,
      json: {
        startDate: '2025-04-01',
        legalStatus: 'C2',
        place: 'U6',
        provider: 'PR1',
        inArea: true,
        unregistered: false,
      },
    });
    expect(cared.statusCode, cared.body).toBe(201);

    await buildReminders(db, council.id, { now, today: '2025-06-24' }, { send: async () => {} });
    const kindsOn = async (workerId: string) => {
      const list = await db
        .selectFrom('reminder_lists')
        .select(['due_soon', 'overdue'])
        .where('worker_id', '=', workerId)
        .executeTakeFirstOrThrow();
      const entries = [...list.due_soon, ...list.overdue] as Array<{ kind: string }>;
      return [...new Set(entries.map((entry) => entry.kind))].sort();
    };
    // Looked after since 1 April: the first review (20 working days) and the visits are overdue by 24 June.
    expect(await kindsOn(officer.workerId)).toEqual(['looked-after-review']);
    expect(await kindsOn(worker.workerId)).toEqual(
      expect.arrayContaining(['looked-after-review', 'looked-after-visit']),
    );

    const officersCaseload = (await (await signedInAs(app, officer)).get('/api/caseload')).json();
    expect(officersCaseload).toHaveLength(1);
    expect(officersCaseload[0].nextDue).toMatchObject({ kind: 'looked-after-review', overdue: true });
    const workersCaseload = (await browser.get('/api/caseload')).json();
    expect(workersCaseload[0].nextDue.kind).toBe('looked-after-visit');
  });
});
