import type { Database } from '../../db/database.ts';
import { caseRoleOwes } from '../../domain/workforce/case-role-work.ts';
import type { Actor } from '../../platform/actor.ts';
import { pageWindow, type Order } from '../../platform/lists.ts';
import { withAuditedRead } from '../../platform/transactions.ts';
import { statusesOf } from '../journey/service.ts';
import { obligationsOf } from '../timescales/service.ts';
import { myCaseload, teamCaseloads } from './queries.ts';

/**
 * My caseload: the children allocated to me today, each with their journey status and the next statutory task I
 * owe in my case role (worked out by the timescales feature from the record). The read is audited with the children shown.
 */
export async function viewMyCaseload(
  db: Database,
  actor: Actor,
  list: { page?: number; sort: 'name' | 'next-due'; order: Order } = { sort: 'next-due', order: 'ascending' },
) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const rows = (await myCaseload(trx, actor)).rows;
    const childIds = rows.map((row) => row.id);
    // Only what is still open: a child in care for years has hundreds of visits met.
    const obligations = await obligationsOf(trx, actor.councilId, childIds, actor.today, true);
    const statuses = await statusesOf(trx, actor, childIds);
    const children = rows.map((row) => {
      // What this worker owes in their case role (a reviewing officer the reviews, a personal adviser the pathway
      // plan and keeping in touch), as the home page's reminders list it.
      const open = (obligations.get(row.id) ?? [])
        .filter((obligation) => obligation.status === 'due' || obligation.status === 'overdue')
        .filter((obligation) => caseRoleOwes(row.case_role, obligation.kind))
        .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
      const next = open[0];
      return {
        ...row,
        status: statuses.get(row.id)!,
        next_due: next
          ? { kind: next.kind as string, dueBy: next.dueBy, overdue: next.status === 'overdue' }
          : null,
      };
    });
    // Sorted by the next thing due (issue 8): the most pressing first, children with nothing due last; or by name.
    const way = list.order === 'descending' ? -1 : 1;
    const byName = (a: (typeof children)[number], b: (typeof children)[number]) =>
      a.family_name.localeCompare(b.family_name) || a.given_name.localeCompare(b.given_name);
    children.sort((a, b) =>
      list.sort === 'name'
        ? way * byName(a, b)
        : way * (a.next_due?.dueBy ?? '9999-12-31').localeCompare(b.next_due?.dueBy ?? '9999-12-31') ||
          byName(a, b),
    );
    // The whole caseload is read to sort it by what is due; a page of it is shown.
    const window = pageWindow(children.length, list.page);
    const shown = children.slice(window.offset, window.offset + window.limit);
    audit({
      action: 'caseload.viewed',
      details: { childIds: shown.map((child) => child.id) },
    });
    return { children: shown, window };
  });
}

/** Team caseloads: each worker's count against the team's target, for the teams the actor manages (or all). */
export async function viewTeamCaseloads(db: Database, actor: Actor) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const rows = (
      await teamCaseloads(trx, actor, actor.role === 'service-manager' || actor.role === 'director')
    ).rows;
    audit({ action: 'caseloads.viewed' });
    return rows;
  });
}
