import { sql, type Kysely, type SqlBool } from 'kysely';
import { currentOn, notEndedBefore } from '../../db/current-on.ts';
import { pageOfQuery } from '../../db/paging.ts';
import type { Tables } from '../../db/schema.ts';
import { childrenOverseen } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Order } from '../../platform/lists.ts';

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

/** One page of who has opened or changed one child's record, newest first (or oldest first), and how many in all. */
export function childAccessEntries(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  list: { page?: number; order: Order },
) {
  const query = db
    .selectFrom('audit_log as l')
    .leftJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'l.council_id').onRef('w.id', '=', 'l.worker_id'),
    )
    .select(['l.at', 'l.action', 'l.outcome', 'l.route', 'l.ip', 'w.given_name', 'w.family_name', 'w.role'])
    .where('l.council_id', '=', councilId)
    .where('l.child_id', '=', childId)
    .orderBy('l.seq', list.order === 'ascending' ? 'asc' : 'desc');
  return pageOfQuery(query, list.page);
}

export interface AuditFilter {
  email?: string;
  childLocalId?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Only entries by the workers of this team. */
  teamId?: string;
}

/**
 * One page of the audit entries matching a search, newest first (or oldest first), and how many match in all.
 * Entries about any child but those restricted from the searcher are left out, so the audit search cannot be used
 * to learn that a restricted child exists.
 */
export function searchAuditEntries(
  db: Kysely<Tables>,
  actor: Actor,
  filter: AuditFilter,
  list: { page?: number; order: Order },
) {
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
  if (filter.teamId)
    query = query.where(sql<SqlBool>`l.worker_id in (select m.worker_id from team_memberships m
      where m.council_id = ${actor.councilId} and m.team_id = ${filter.teamId} and ${currentOn('m', actor.today)})`);
  return pageOfQuery(query.orderBy('l.seq', list.order === 'ascending' ? 'asc' : 'desc'), list.page);
}

/**
 * Break-glass access for a manager to review: by members of the teams they manage, or all for senior roles; one
 * page of them, or the one grant asked for.
 */
export function breakGlassGrants(
  db: Kysely<Tables>,
  actor: Actor,
  everyone: boolean,
  which: { page?: number; grantId?: string },
) {
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
  if (which.grantId) query = query.where('g.id', '=', which.grantId);
  // Not yet reviewed first (nulls sort first when descending), then newest.
  return pageOfQuery(
    query.orderBy('g.reviewed_at', 'desc').orderBy('g.granted_at', 'desc').orderBy('g.id'),
    which.page,
  );
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

/** The council's teams, to filter the audit trail by. */
export function councilTeams(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .execute();
}

/**
 * The versions of one record table's facts, current rows and those `record_history` keeps, recorded since their
 * council's first audited change, each with its key and hash as the history trigger computes them (migration 0086,
 * ADR 17): one pass over the table for every council. The kept versions of every table are read by `keptVersionsSince`.
 */
export async function currentVersionsSince(db: Kysely<Tables>, table: string, since: CouncilSince[]) {
  // `offset 0` keeps the row's JSON made once for its key and its hash, rather than once for each.
  const result = await sql<FactVersion>`select t.council_id, record_version_key(j.version) as key,
      record_version_hash(j.version) as hash, false as kept
    from ${sql.table(table)} t
    join jsonb_to_recordset(${JSON.stringify(since)}::jsonb) as s(council_id uuid, since timestamptz)
      on s.council_id = t.council_id
    cross join lateral (select to_jsonb(t) as version offset 0) j
    where t.recorded_at >= s.since`.execute(db);
  return result.rows;
}

/** Every kept version of every record table recorded since its council's first audited change: one pass. */
export async function keptVersionsSince(db: Kysely<Tables>, since: CouncilSince[]) {
  const result = await sql<FactVersion & { table_name: string }>`select h.council_id, h.table_name,
      record_version_key(h.version_row) as key, record_version_hash(h.version_row) as hash, true as kept
    from record_history h
    join jsonb_to_recordset(${JSON.stringify(since)}::jsonb) as s(council_id uuid, since timestamptz)
      on s.council_id = h.council_id
    where h.recorded_at >= s.since`.execute(db);
  return result.rows;
}

/** From when a council's changes carry the hashes of the facts they wrote: its first entry that carries any. */
export interface CouncilSince {
  council_id: string;
  since: string;
}

export interface FactVersion {
  council_id: string;
  key: string;
  hash: string;
  kept: boolean;
}
