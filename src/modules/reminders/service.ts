import type { Database } from '../../db/database.ts';
import type { ReminderEntry } from '../../db/schema-timescales.ts';
import { visibleChildIds } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAuditNow } from '../../platform/audit.ts';
import type { MailSender } from '../../platform/mail.ts';
import { auditSource } from '../../platform/transactions.ts';
import { refreshObligations } from '../timescales/service.ts';
import { obligationsDueSoon, replaceReminderLists, userEmails } from './queries.ts';

/** How far ahead "due soon" looks. */
const DUE_SOON_DAYS = 7;

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
  const rows = await obligationsDueSoon(db, councilId, today, DUE_SOON_DAYS);

  const byWorker = new Map<string, { dueSoon: ReminderEntry[]; overdue: ReminderEntry[] }>();
  for (const row of rows) {
    const lists = byWorker.get(row.worker_id) ?? { dueSoon: [], overdue: [] };
    const entry = { childId: row.child_id, childName: row.child_name, kind: row.kind, dueBy: row.due_by };
    (row.due_by < today ? lists.overdue : lists.dueSoon).push(entry);
    byWorker.set(row.worker_id, lists);
  }
  const emails = new Map((await userEmails(db, councilId)).map((user) => [user.worker_id, user.email]));
  const byDate = (a: ReminderEntry, b: ReminderEntry) => a.dueBy.localeCompare(b.dueBy);
  await db.transaction().execute(async (trx) => {
    const values = [...byWorker].map(([workerId, lists]) => ({
      council_id: councilId,
      worker_id: workerId,
      built_on: today,
      due_soon: JSON.stringify(lists.dueSoon.sort(byDate)),
      overdue: JSON.stringify(lists.overdue.sort(byDate)),
      built_at: clock.now,
    }));
    await replaceReminderLists(trx, councilId, today, values);
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

/**
 * The actor's reminders now: what is overdue and due in the next week for the children they hold or whose teams
 * they manage, from the obligations as last worked out from the record (so a piece of work recorded a minute ago
 * is no longer listed), leaving out any child they may not see.
 */
export async function myReminders(db: Database, actor: Actor) {
  const rows = await obligationsDueSoon(db, actor.councilId, actor.today, DUE_SOON_DAYS, actor.workerId);
  const ids = [...new Set(rows.map((row) => row.child_id))];
  const visible = ids.length ? await visibleChildIds(db, actor, ids) : new Set<string>();
  const entries = rows
    .filter((row) => visible.has(row.child_id))
    .map((row) => ({ childId: row.child_id, childName: row.child_name, kind: row.kind, dueBy: row.due_by }));
  const reminders = {
    builtOn: actor.today,
    dueSoon: entries.filter((entry) => entry.dueBy >= actor.today),
    overdue: entries.filter((entry) => entry.dueBy < actor.today),
  };
  if (visible.size) {
    await appendAuditNow(db, auditSource(actor), {
      action: 'children.listed',
      details: { list: 'reminders', childIds: [...visible] },
    });
  }
  return reminders;
}
