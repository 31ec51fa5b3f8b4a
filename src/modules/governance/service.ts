import type { Database } from '../../db/database.ts';
import {
  retentionOf,
  reviewDueBy,
  type RecordForRetention,
  type Retention,
} from '../../domain/governance/retention.ts';
import { addMonths, type IsoDate } from '../../domain/returns/dates.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { retentionFacts, retentionPolicyOf } from './queries.ts';

export { setRetentionPolicy } from './queries.ts';

export interface RecordDueForReview {
  childId: string;
  localId: string;
  name: string;
  retention: Retention & { kind: 'review' };
}

export interface RetentionReport {
  today: IsoDate;
  lookAheadTo: IsoDate;
  policy: { othersUntilBirthday: number };
  /** Due for review on or before today: a person decides whether each is kept longer or destroyed. */
  due: RecordDueForReview[];
  /** Due within the next 12 months. */
  comingUp: RecordDueForReview[];
  /** How many records are kept while open, and how many lack the date of birth their review date needs. */
  keptWhileOpen: number;
  noDateOfBirth: number;
}

/**
 * The records due for review under the retention schedule, as at `today` (issue 22, part 8). Nothing is ever
 * deleted by Hearth. An actor sees only the children they oversee; without one (the command line), every child.
 */
export async function retentionReport(
  db: Database,
  councilId: string,
  today: IsoDate,
  actor?: Actor,
): Promise<RetentionReport> {
  const policy = await retentionPolicyOf(db, councilId);
  const lookAheadTo = addMonths(today, 12);
  const report: RetentionReport = {
    today,
    lookAheadTo,
    policy,
    due: [],
    comingUp: [],
    keptWhileOpen: 0,
    noDateOfBirth: 0,
  };
  for (const child of await retentionFacts(db, councilId, actor)) {
    const record: RecordForRetention = {
      dateOfBirth: child.date_of_birth,
      dateOfDeath: child.date_of_death,
      everLookedAfter: Boolean(child.ever_looked_after),
      adoptionOrderDate: child.adoption_order_date,
      involvementEndedOn: child.involvement_ended_on,
      open: Boolean(child.open),
    };
    const retention = retentionOf(record, policy);
    if (retention.kind === 'kept-while-open') report.keptWhileOpen += 1;
    else if (retention.kind === 'no-date-of-birth') report.noDateOfBirth += 1;
    else if (reviewDueBy(retention, lookAheadTo)) {
      const entry = {
        childId: child.id,
        localId: child.local_id,
        name: `${child.given_name} ${child.family_name}`,
        retention,
      };
      (reviewDueBy(retention, today) ? report.due : report.comingUp).push(entry);
    }
  }
  const byDate = (a: RecordDueForReview, b: RecordDueForReview) =>
    a.retention.reviewOn.localeCompare(b.retention.reviewOn);
  report.due.sort(byDate);
  report.comingUp.sort(byDate);
  return report;
}

/** The report as an information governance officer reads it in the pages: their children only, and audited. */
export function retentionReportFor(db: Database, actor: Actor): Promise<RetentionReport> {
  return withTransaction(db, actor, async (trx) => {
    const report = await retentionReport(trx, actor.councilId, actor.today, actor);
    await appendAudit(trx, auditSource(actor), {
      action: 'retention.report.viewed',
      details: { due: report.due.length, comingUp: report.comingUp.length },
    });
    return report;
  });
}
