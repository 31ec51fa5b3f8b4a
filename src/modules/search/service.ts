import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { statusesOf } from '../journey/service.ts';
import { matchingNames, searchChildren } from './queries.ts';
import { searchTermsOf } from './search-terms.ts';

/**
 * Searches the children the actor may see, each found with their journey status. The search and the children it
 * showed are audited.
 */
export async function search(db: Database, actor: Actor, text: string) {
  const terms = searchTermsOf(text);
  return withTransaction(db, actor, async (trx) => {
    const names = terms.kind === 'name' ? await matchingNames(trx, actor.councilId, terms.tokens) : undefined;
    const found =
      terms.kind === 'empty' ? [] : await searchChildren(trx, actor, { ...terms, names }, 50).execute();
    const statuses = await statusesOf(
      trx,
      actor,
      found.map((child) => child.id),
    );
    const children = found.map((child) => ({ ...child, status: statuses.get(child.id)! }));
    if (terms.kind !== 'empty')
      await appendAudit(trx, auditSource(actor), {
        action: 'children.searched',
        details: { kind: terms.kind, childIds: children.map((child) => child.id) },
      });
    return { terms, children };
  });
}
