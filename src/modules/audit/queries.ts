import { sql, type Kysely, type SqlBool } from 'kysely';
import { notEndedBefore } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';
import { childrenOverseen } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

/** A child's name and council ID, for the page about who has seen their record (never the record itself). */
export async function childNamed(db: Kysely<Tables>, councilId: string, childId: string) {
  const child = await db
    .selectFrom('children')
    .select(['given_name', 'family_name', 'local_id'])
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
  return { name: `${child.given_name} ${child.family_name}`, localId: child.local_id };
}

/** Who has opened or changed one child's record, newest first. */
export function childAccessEntries(db: Kysely<Tables>, councilId: string, childId: string) {
  return db
    .selectFrom('audit_log as l')
    .leftJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'l.council_id').onRef('w.id', '=', 'l.worker_id'),
    )
    .select(['l.at', 'l.action', 'l.outcome', 'l.route', 'l.ip', 'w.given_name', 'w.family_name', 'w.role'])
    .where('l.council_id', '=', councilId)
    .where('l.child_id', '=', childId)
    .orderBy('l.seq', 'desc')
    .limit(500)
    .execute();
}

export interface AuditFilter {
  email?: string;
  childLocalId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * Audit entries matching a search, about any child but those restricted from the searcher: entries about those are
 * left out, so the audit search cannot be used to learn that a restricted child exists.
 */
export function searchAuditEntries(db: Kysely<Tables>, actor: Actor, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_log as l')
    .leftJoin('users as u', (join) =>
      join.onRef('u.council_id', '=', 'l.council_id').onRef('u.id', '=', 'l.user_id'),
    )
    .leftJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'l.council_id').onRef('c.id', '=', 'l.child_id'),
    )
    .select([
      'l.seq',
      'l.at',
      'l.action',
      'l.outcome',
      'l.route',
      'l.ip',
      'l.details',
      'u.email',
      'c.local_id',
      'l.child_id',
    ])
    .where('l.council_id', '=', actor.councilId)
    .where((eb) =>
      eb.or([eb('l.child_id', 'is', null), sql<SqlBool>`l.child_id in (${childrenOverseen(actor)})`]),
    );
  if (filter.email) query = query.where('u.email', '=', filter.email.trim().toLowerCase());
  if (filter.childLocalId) query = query.where('c.local_id', '=', filter.childLocalId.trim());
  if (filter.action) query = query.where('l.action', 'like', `${filter.action.trim()}%`);
  if (filter.from) query = query.where(sql<SqlBool>`l.at >= ${filter.from}::date`);
  if (filter.to) query = query.where(sql<SqlBool>`l.at < ${filter.to}::date + 1`);
  return query.orderBy('l.seq', 'desc').limit(200).execute();
}

/** Break-glass access for a manager to review: by members of the teams they manage, or all for senior roles. */
export function breakGlassGrants(db: Kysely<Tables>, actor: Actor, everyone: boolean) {
  let query = db
    .selectFrom('break_glass_grants as g')
    .innerJoin('users as u', (join) =>
      join.onRef('u.council_id', '=', 'g.council_id').onRef('u.id', '=', 'g.user_id'),
    )
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .innerJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'g.council_id').onRef('c.id', '=', 'g.child_id'),
    )
    .select([
      'g.id',
      'g.granted_at',
      'g.reason',
      'g.reviewed_at',
      'w.given_name',
      'w.family_name',
      'c.local_id',
      'c.id as child_id',
    ])
    .where('g.council_id', '=', actor.councilId);
  if (!everyone) {
    query = query.where(
      sql<SqlBool>`w.id in (select m.worker_id from team_memberships m where m.council_id = ${actor.councilId}
        and m.team_id in (select t.team_id from team_memberships t where t.council_id = ${actor.councilId}
          and t.worker_id = ${actor.workerId} and t.manages and ${notEndedBefore('t', actor.today)}))`,
    );
  }
  return query.orderBy('g.reviewed_at', 'desc').orderBy('g.granted_at', 'desc').limit(200).execute();
}

export function markGrantReviewed(db: Kysely<Tables>, actor: Actor, grantId: string) {
  return db
    .updateTable('break_glass_grants')
    .set({ reviewed_by: actor.userId, reviewed_at: actor.now })
    .where('council_id', '=', actor.councilId)
    .where('id', '=', grantId)
    .where('reviewed_at', 'is', null)
    .returning(['id', 'child_id'])
    .executeTakeFirst();
}
