import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { workingDayCalendar } from '../../domain/calendar/working-days.ts';
import { DEFAULT_LOCAL_STANDARDS } from '../../domain/timescales/child-obligations.ts';
import { describePeriod, type Period } from '../../domain/timescales/deadline-rules.ts';
import {
  closureDayProblem,
  localStandardProblems,
  STATUTORY_LIMITS,
} from '../../domain/timescales/local-standard-rules.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { ukDate } from '../../platform/views.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  childrenCountingThrough,
  childrenUnderStandard,
  closureDay,
  closureDays,
  insertClosureDay,
  insertLocalStandard,
  standardsSet,
  standardTakingEffect,
} from './queries.ts';

/**
 * Local standards (issue 8 part 6): the intervals a council sets for visits, plan reviews and supervision. A change
 * is a new standard from a date, never an edit, so that past work is judged by the standard of its time.
 */
export const standardKinds: Record<string, string> = {
  'child-in-need-visit': 'Visits to children in need',
  'child-protection-visit': 'Visits to children on a child protection plan',
  'child-in-need-plan-review': 'Child in need plan reviews',
  'care-leaver-contact': 'The personal adviser’s contact with a care leaver',
  supervision: 'One-to-one supervision of social workers',
};

export async function localStandards(db: Database, actor: Actor) {
  const [standards, closures] = await Promise.all([
    standardsSet(db, actor.councilId),
    closureDays(db, actor.councilId),
  ]);
  const inForce = Object.keys(standardKinds).map((kind) => {
    const set = standards.find(
      (standard) => standard.kind === kind && standard.effective_from <= actor.today,
    );
    const fallback = DEFAULT_LOCAL_STANDARDS.find((standard) => standard.kind === kind);
    const statutory = STATUTORY_LIMITS[kind];
    return {
      kind,
      what: standardKinds[kind],
      interval: set
        ? describePeriod({ amount: set.amount, unit: set.unit })
        : fallback
          ? describePeriod(fallback.interval)
          : statutory
            ? describePeriod(statutory.period)
            : undefined,
      source: set
        ? `${set.source} (from ${ukDate(set.effective_from)})`
        : fallback
          ? 'Hearth default'
          : statutory
            ? `The law: ${statutory.source}`
            : '',
      limit: statutory ? `At most ${describePeriod(statutory.period)}, by ${statutory.source}` : undefined,
    };
  });
  const history = standards.map((standard) => ({
    ...standard,
    what: standardKinds[standard.kind] ?? standard.kind,
  }));
  return { inForce, history, closures };
}

/**
 * Sets a standard from a date after checking it against the law and the calendar, and returns the children whose
 * timescales it changes, to be reworked after the page has answered (`rework.ts`).
 */
export async function setLocalStandard(db: Database, actor: Actor, values: RecordValues) {
  const problems = localStandardProblems(
    {
      kind: values.kind as string,
      interval: { amount: values.amount as number, unit: values.unit as Period['unit'] },
      effectiveFrom: Temporal.PlainDate.from(values.effectiveFrom as string),
    },
    Temporal.PlainDate.from(actor.today),
    workingDayCalendar(),
  );
  if (problems.length) {
    throw new ValidationError(problems.map((problem) => ({ path: problem.field, message: problem.message })));
  }
  return withTransaction(db, actor, async (trx) => {
    const existing = await standardTakingEffect(
      trx,
      actor.councilId,
      values.kind as 'supervision',
      values.effectiveFrom as string,
    );
    if (existing) {
      throw new ValidationError([
        {
          path: 'effectiveFrom',
          message: 'A standard of this kind already takes effect on that date: choose another date',
        },
      ]);
    }
    const id = uuidv7();
    await insertLocalStandard(trx, {
      council_id: actor.councilId,
      id,
      kind: values.kind as 'supervision',
      amount: values.amount as number,
      unit: values.unit as 'months',
      effective_from: values.effectiveFrom as string,
      source: values.source as string,
      set_by: actor.workerId,
      set_at: actor.now,
    });
    await appendAudit(trx, auditSource(actor), { action: 'local-standard.set', details: { id, ...values } });
    return childrenUnderStandard(trx, actor.councilId, values.kind as string, values.effectiveFrom as string);
  });
}

/** Adds a closure day and returns the children whose working-day timescales run through it. */
export async function addClosureDay(db: Database, actor: Actor, values: RecordValues) {
  const problem = closureDayProblem(Temporal.PlainDate.from(values.day as string), workingDayCalendar());
  if (problem) throw new ValidationError([{ path: problem.field, message: problem.message }]);
  return withTransaction(db, actor, async (trx) => {
    const day = values.day as string;
    const taken = await closureDay(trx, actor.councilId, day);
    if (taken) throw new ValidationError([{ path: 'day', message: 'That day is already a closure day' }]);
    await insertClosureDay(trx, { council_id: actor.councilId, day, name: values.name as string });
    await appendAudit(trx, auditSource(actor), {
      action: 'closure-day.added',
      details: { day, name: values.name },
    });
    return childrenCountingThrough(trx, actor.councilId, day);
  });
}
