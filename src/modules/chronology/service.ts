import type { Database } from '../../db/database.ts';
import { requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { chronologyKinds, chronologyOf, type ChronologyKind } from './queries.ts';
import { inWords } from './event-words.ts';

export { chronologyKinds, type ChronologyKind };

/** The child's chronology, newest first, limited to the kinds asked for. The read is audited. */
export async function viewChronology(
  db: Database,
  actor: Actor,
  childId: string,
  kinds: readonly ChronologyKind[],
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'read', [childId]);
    const events = await chronologyOf(trx, actor.councilId, childId, kinds.length ? kinds : chronologyKinds);
    await appendAudit(trx, auditSource(actor), { action: 'chronology.viewed', childId, details: { kinds } });
    return events.map((event) => ({
      ...event,
      title: inWords(event.title, event.happened_on)!,
      detail: inWords(event.detail, event.happened_on),
    }));
  });
}
