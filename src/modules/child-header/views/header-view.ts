import { Temporal } from 'temporal-polyfill';
import { describe, type JourneyStage, type JourneyStatus } from '../../../domain/journey/status.ts';
import { sentence, ukDate } from '../../../platform/views.ts';
import { caseRoles } from '../../../domain/workforce/allocation-rules.ts';
import type { ChildRecord } from '../../record/service.ts';
import type { StoredObligation } from '../../timescales/service.ts';
import { obligationWords } from '../../timescales/views/timescale-view-models.ts';

/** The stages at which someone visits the child: open work, a plan, care, or leaving care. */
const visitedStages: ReadonlySet<JourneyStage> = new Set([
  'referral',
  'assessment',
  'child-in-need',
  'child-protection-plan',
  'looked-after',
  'care-leaver',
]);

export interface ChildHeaderView {
  childId: string;
  name: string;
  localId: string;
  /** "Born 27 March 2015, aged 10", "Due to be born on 1 May 2026", or "Date of birth not recorded". */
  born: string;
  status: { stage: JourneyStage; words: string };
  restricted: boolean;
  warnings: { kind: string; description: string; reviewBy: string }[];
  workers: { name: string; role: string; team: string | null }[];
  nextDue: { what: string; dueBy: string } | null;
  overdue: { what: string; dueBy: string }[];
  /** Whether "Record a visit" applies: someone visits the child at this stage of their journey. */
  visited: boolean;
}

/** "aged 10", or for a baby "aged 7 months" (ages on dates, never 365-day years: DOMAIN.md section 2). */
export function ageInWords(dateOfBirth: string, today: string): string {
  const age = Temporal.PlainDate.from(dateOfBirth).until(Temporal.PlainDate.from(today), {
    largestUnit: 'years',
  });
  if (age.years >= 1) return `aged ${age.years}`;
  return age.months === 1 ? 'aged 1 month' : `aged ${age.months} months`;
}

function bornInWords(child: ChildRecord['child'], today: string): string {
  if (child.date_of_birth && child.date_of_birth <= today)
    return `Born ${ukDate(child.date_of_birth)}, ${ageInWords(child.date_of_birth, today)}`;
  const expected = child.expected_date_of_birth ?? child.date_of_birth;
  return expected ? `Due to be born on ${ukDate(expected)}` : 'Date of birth not recorded';
}

const holdsOn = (from: string, to: string | null, today: string) =>
  from <= today && (to === null || to >= today);

/**
 * The header's facts in words, from the child's record, their status and their stored obligations as at `today`:
 * the current warnings (begun and not ended), the workers allocated today (allocated worker first), the soonest
 * thing due that is not yet overdue, and everything overdue, oldest first.
 */
export function childHeaderView(
  facts: {
    record: ChildRecord;
    status: JourneyStatus;
    obligations: readonly StoredObligation[];
    workers: readonly { id: string; given_name: string; family_name: string; team_name: string | null }[];
  },
  today: string,
): ChildHeaderView {
  const { child } = facts.record;
  const roleOrder = Object.keys(caseRoles);
  const workers = facts.record.allocations
    .filter((allocation) => holdsOn(allocation.from_date, allocation.to_date, today))
    .sort((a, b) => roleOrder.indexOf(a.case_role) - roleOrder.indexOf(b.case_role))
    .map((allocation) => {
      const worker = facts.workers.find((candidate) => candidate.id === allocation.worker_id);
      return {
        name: worker ? `${worker.given_name} ${worker.family_name}` : 'Unknown worker',
        role: caseRoles[allocation.case_role as keyof typeof caseRoles] ?? allocation.case_role,
        team: worker?.team_name ?? null,
      };
    });
  const words = (obligation: StoredObligation) => ({
    what: obligationWords[obligation.kind] ?? obligation.kind,
    dueBy: ukDate(obligation.dueBy),
  });
  const soonestFirst = [...facts.obligations].sort((a, b) => a.dueBy.localeCompare(b.dueBy));
  const next = soonestFirst.find((obligation) => obligation.status === 'due');
  return {
    childId: child.id,
    name: `${child.given_name} ${child.family_name}`,
    localId: child.local_id,
    born: bornInWords(child, today),
    status: { stage: facts.status.stage, words: describe(facts.status) },
    restricted: child.restricted,
    warnings: facts.record.child_flags
      .filter((flag) => flag.from_date <= today && (flag.ended_on === null || flag.ended_on > today))
      .map((flag) => ({
        kind: sentence(flag.kind.replaceAll('-', ' ')),
        description: flag.description,
        reviewBy: ukDate(flag.review_date),
      })),
    workers,
    nextDue: next ? words(next) : null,
    overdue: soonestFirst.filter((obligation) => obligation.status === 'overdue').map(words),
    visited: visitedStages.has(facts.status.stage),
  };
}
