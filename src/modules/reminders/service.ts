import { currentOn } from '../../db/current-on.ts';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ReminderEntry } from '../../db/schema-timescales.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAuditNow } from '../../platform/audit.ts';
import type { MailSender } from '../../platform/mail.ts';
import { auditSource } from '../../platform/transactions.ts';
import { refreshObligations } from '../timescales/service.ts';

/** How far ahead "due soon" looks. */
const DUE_SOON_DAYS = 7;

interface ReminderRow {
  worker_id: string;
  child_id: string;
  child_name: string;
  kind: string;
  due_by: string;
}

/**
 * The daily reminders (issue 8 part 5): the council's obligations are brought up to date, then each worker's list
 * holds what is due in the next week and what is overdue for the children allocated to them, and each manager's
 * the same for the children of the teams they manage. Lists are kept for the day and sent through `mail`.
 */
export async function buildReminders(
  db: Database,
  councilId: string,
  clock: { now: Date; today: string },
  mail: MailSender,
  onProgress?: (done: number, total: number) => void,
): Promise<{ workers: number; sent: number }> {
  await refreshObligations(db, councilId, 'all', clock, onProgress);
  const { today } = clock;
  const open = sql`o.met_on is null and not o.lapsed and o.due_by < ${today}::date + ${DUE_SOON_DAYS}::int`;
  const rows = await sql<ReminderRow>`
    select distinct a.worker_id, o.child_id, c.given_name || ' ' || c.family_name as child_name, o.kind, o.due_by::text
    from child_obligations o
      join children c on c.council_id = o.council_id and c.id = o.child_id
      join allocations a on a.council_id = o.council_id and a.child_id = o.child_id and ${currentOn('a', today)}
    where o.council_id = ${councilId} and ${open}
    union
    select distinct mm.worker_id, o.child_id, c.given_name || ' ' || c.family_name, o.kind, o.due_by::text
    from child_obligations o
      join children c on c.council_id = o.council_id and c.id = o.child_id
      join allocations a on a.council_id = o.council_id and a.child_id = o.child_id and ${currentOn('a', today)}
      join team_memberships tm on tm.council_id = a.council_id and tm.worker_id = a.worker_id and ${currentOn('tm', today)}
      join team_memberships mm on mm.council_id = tm.council_id and mm.team_id = tm.team_id and mm.manages and ${currentOn('mm', today)}
    where o.council_id = ${councilId} and ${open}`.execute(db);

  const byWorker = new Map<string, { dueSoon: ReminderEntry[]; overdue: ReminderEntry[] }>();
  for (const row of rows.rows) {
    const lists = byWorker.get(row.worker_id) ?? { dueSoon: [], overdue: [] };
    const entry = { childId: row.child_id, childName: row.child_name, kind: row.kind, dueBy: row.due_by };
    (row.due_by < today ? lists.overdue : lists.dueSoon).push(entry);
    byWorker.set(row.worker_id, lists);
  }
  const emails = new Map(
    (
      await db
        .selectFrom('users')
        .select(['worker_id', 'email'])
        .where('council_id', '=', councilId)
        .execute()
    ).map((user) => [user.worker_id, user.email]),
  );
  const byDate = (a: ReminderEntry, b: ReminderEntry) => a.dueBy.localeCompare(b.dueBy);
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('reminder_lists')
      .where('council_id', '=', councilId)
      .where('built_on', '=', today)
      .execute();
    const values = [...byWorker].map(([workerId, lists]) => ({
      council_id: councilId,
      worker_id: workerId,
      built_on: today,
      due_soon: JSON.stringify(lists.dueSoon.sort(byDate)),
      overdue: JSON.stringify(lists.overdue.sort(byDate)),
      built_at: clock.now,
    }));
    for (let offset = 0; offset < values.length; offset += 500) {
      await trx
        .insertInto('reminder_lists')
        .values(values.slice(offset, offset + 500))
        .execute();
    }
  });
  let sent = 0;
  for (const [workerId, lists] of byWorker) {
    const email = emails.get(workerId);
    if (!email) continue;
    // The mail names no child: it says how much is waiting and sends the person to Hearth to see it.
    await mail.send({
      to: email,
      subject: `Hearth: ${lists.overdue.length} overdue, ${lists.dueSoon.length} due in the next ${DUE_SOON_DAYS} days`,
      text: `You have ${lists.overdue.length} overdue and ${lists.dueSoon.length} due in the next ${DUE_SOON_DAYS} days for the children you work with. Sign in to Hearth to see them.`,
    });
    sent += 1;
  }
  await appendAuditNow(
    db,
    { councilId, route: 'daily reminders', now: clock.now },
    { action: 'reminders.built', details: { workers: byWorker.size, sent } },
  );
  return { workers: byWorker.size, sent };
}

/** The actor's latest reminder list, leaving out any child they may no longer see. */
export async function myReminders(db: Database, actor: Actor) {
  const list = await db
    .selectFrom('reminder_lists')
    .select(['built_on', 'due_soon', 'overdue'])
    .where('council_id', '=', actor.councilId)
    .where('worker_id', '=', actor.workerId)
    .orderBy('built_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!list) return undefined;
  const ids = [...new Set([...list.due_soon, ...list.overdue].map((entry) => entry.childId))];
  const visible = ids.length
    ? new Set(
        (
          await db
            .selectFrom('children')
            .select('id')
            .where('council_id', '=', actor.councilId)
            .where('id', 'in', ids)
            .where(sql<boolean>`id in (${allowedChildren(actor)})`)
            .execute()
        ).map((row) => row.id),
      )
    : new Set<string>();
  const reminders = {
    builtOn: list.built_on,
    dueSoon: list.due_soon.filter((entry) => visible.has(entry.childId)),
    overdue: list.overdue.filter((entry) => visible.has(entry.childId)),
  };
  if (visible.size) {
    await appendAuditNow(db, auditSource(actor), {
      action: 'children.listed',
      details: { list: 'reminders', childIds: [...visible] },
    });
  }
  return reminders;
}
