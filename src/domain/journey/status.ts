import { Temporal } from 'temporal-polyfill';
import { writtenDay } from '../calendar/dates.ts';
import { codeListOn, inSentence } from '../codes/code-lists.ts';

/**
 * A child's current journey status, worked out from their record and `today` alone (DOMAIN.md §1; issue 16): the
 * one answer My caseload, the child's page and the API all show. Sources: Working Together to Safeguard Children
 * 2023 (contact, referral, assessment, section 47 enquiry, child protection plan, child in need plan); the Care
 * Planning, Placement and Case Review (England) Regulations 2010 and the SSDA903 guide (legal status, placement);
 * the Children (Leaving Care) Act 2000 (eligible, relevant, former relevant and qualifying young people); the CIN
 * census guide (reasons for closure: RC2, died).
 */
type Day = Temporal.PlainDate;

export const careLeaverStatuses = ['eligible', 'relevant', 'former-relevant', 'qualifying'] as const;
export type CareLeaverStatus = (typeof careLeaverStatuses)[number];

/**
 * The facts of a child's record that their status follows from, as the database holds them (tables children,
 * contacts, episodes, assessments, section47_enquiries, cp_plans, cin_plans, care_periods, legal_statuses,
 * placements and care_leaver_statuses; corrected rows left out). An end date is the day the next thing began:
 * on it, what ended no longer holds.
 */
export interface JourneyRecord {
  dateOfBirth: Day | null;
  /** The date of death on the child's record (recorded once), when there is one. */
  dateOfDeath?: Day | null;
  contacts: readonly { id: string; receivedOn: Day; decision: string | null; decidedOn: Day | null }[];
  episodes: readonly {
    id: string;
    contactId: string | null;
    referralDate: Day;
    noFurtherAction: boolean;
    closedOn: Day | null;
    /** CIN census reason for closure, RC1–RC9. */
    closureReason: string | null;
    assessments: readonly { startDate: Day; authorisedOn: Day | null; outcome: string | null }[];
  }[];
  section47Enquiries: readonly { episodeId: string; startedOn: Day; endedOn: Day | null }[];
  childProtectionPlans: readonly {
    episodeId: string;
    startDate: Day;
    endDate: Day | null;
    /** CIN census category of abuse: NEG, PHY, EMO, SAB or MUL. */
    initialCategory: string;
    latestCategory: string;
  }[];
  childInNeedPlans: readonly { episodeId: string; startDate: Day; endDate: Day | null }[];
  periodsOfCare: readonly {
    episodeId: string;
    startDate: Day;
    endDate: Day | null;
    /** SSDA903 reason episode ceased (REC). */
    reasonCeased: string | null;
    /** SSDA903 legal status (LS), each from a date. */
    legalStatuses: readonly { code: string; fromDate: Day; toDate: Day | null }[];
    /** SSDA903 placement type (PLACE), each from a date. */
    placements: readonly { place: string; startDate: Day; endDate: Day | null }[];
  }[];
  careLeaverStatuses: readonly { status: CareLeaverStatus; fromDate: Day; toDate: Day | null }[];
}

export type JourneyStage = JourneyStatus['stage'];

export type JourneyStatus =
  | { stage: 'contact'; since: Day }
  | { stage: 'referral'; since: Day }
  | { stage: 'assessment'; since: Day; details: { enquiry: 'assessment' | 'section-47' } }
  | { stage: 'child-in-need'; since: Day; details: { plan: boolean } }
  | { stage: 'child-protection-plan'; since: Day; details: { category: string; start: Day } }
  | {
      stage: 'looked-after';
      since: Day;
      details: {
        legalStatus: { code: string; words: string; since: Day } | null;
        placement: { code: string; words: string; start: Day } | null;
      };
    }
  | { stage: 'care-leaver'; since: Day; details: { status: CareLeaverStatus } }
  /** Nothing open, or the child has died. `since` is the last closure, if anything was ever open. */
  | { stage: 'closed'; since: Day | null; details: { died: boolean } };

const compare = Temporal.PlainDate.compare;
const onOrBefore = (date: Day, today: Day) => compare(date, today) <= 0;
/** Whether something that started on `start` and ended on `end` (the day the next thing began) holds today. */
const holds = (start: Day, end: Day | null, today: Day) =>
  onOrBefore(start, today) && (end === null || compare(end, today) > 0);
const latest = <T>(rows: readonly T[], dateOf: (row: T) => Day): T | undefined =>
  [...rows].sort((a, b) => compare(dateOf(b), dateOf(a)))[0];

/** CIN census reason for closure RC2 and SSDA903 reason episode ceased E2: the child died. */
function diedOn(record: JourneyRecord, today: Day): Day | undefined {
  const dates = [
    ...record.episodes.filter((e) => e.closureReason === 'RC2').map((e) => e.closedOn),
    ...record.periodsOfCare.filter((p) => p.reasonCeased === 'E2').map((p) => p.endDate),
    record.dateOfDeath ?? null,
  ].filter((date): date is Day => date !== null && onOrBefore(date, today));
  return latest(dates, (date) => date);
}

function lookedAfter(record: JourneyRecord, today: Day): JourneyStatus | undefined {
  const period = record.periodsOfCare.find((p) => holds(p.startDate, p.endDate, today));
  if (!period) return undefined;
  const legal = period.legalStatuses.find((s) => holds(s.fromDate, s.toDate, today));
  const placement = period.placements.find((p) => holds(p.startDate, p.endDate, today));
  return {
    stage: 'looked-after',
    since: period.startDate,
    details: {
      legalStatus: legal
        ? {
            code: legal.code,
            words:
              codeListOn('SSDA903', 'LS', legal.fromDate.toString()).meanings.get(legal.code) ?? legal.code,
            since: legal.fromDate,
          }
        : null,
      placement: placement
        ? {
            code: placement.place,
            words: placeInWords(placement.place, placement.startDate),
            start: placement.startDate,
          }
        : null,
    },
  };
}

/** A placement type in words: the SSDA903 meaning up to its qualifier (" - long-term fostering"). */
function placeInWords(place: string, start: Day): string {
  const meaning = codeListOn('SSDA903', 'PLACE', start.toString()).meanings.get(place);
  return meaning ? meaning.split(' - ')[0]! : place;
}

function protectionPlan(record: JourneyRecord, today: Day): JourneyStatus | undefined {
  const plan = record.childProtectionPlans.find((p) => holds(p.startDate, p.endDate, today));
  if (!plan) return undefined;
  const meaning = codeListOn('CIN', 'LatestCategoryOfAbuse', today.toString()).meanings.get(
    plan.latestCategory,
  );
  // "Multiple categories (use not recommended)" is the guide's advice to councils, not words for a worker.
  const category = meaning?.replace(/ \(.*\)$/, '') ?? plan.latestCategory;
  return {
    stage: 'child-protection-plan',
    since: plan.startDate,
    details: { category, start: plan.startDate },
  };
}

function careLeaver(record: JourneyRecord, today: Day): JourneyStatus | undefined {
  const current = record.careLeaverStatuses.find((s) => holds(s.fromDate, s.toDate, today));
  return current && { stage: 'care-leaver', since: current.fromDate, details: { status: current.status } };
}

/** What an open episode of need has reached: a plan, an enquiry or assessment under way, a finished assessment. */
function openEpisode(record: JourneyRecord, today: Day): JourneyStatus | undefined {
  const plan = record.childInNeedPlans.find((p) => holds(p.startDate, p.endDate, today));
  if (plan) return { stage: 'child-in-need', since: plan.startDate, details: { plan: true } };
  const episode = record.episodes.find((e) => holds(e.referralDate, e.closedOn, today));
  if (!episode) return undefined;
  const enquiry = record.section47Enquiries.find(
    (s) => s.episodeId === episode.id && holds(s.startedOn, s.endedOn, today),
  );
  if (enquiry) return { stage: 'assessment', since: enquiry.startedOn, details: { enquiry: 'section-47' } };
  const started = episode.assessments.filter((a) => onOrBefore(a.startDate, today));
  const underWay = latest(
    started.filter((a) => a.authorisedOn === null || !onOrBefore(a.authorisedOn, today)),
    (a) => a.startDate,
  );
  if (underWay) return { stage: 'assessment', since: underWay.startDate, details: { enquiry: 'assessment' } };
  const authorised = latest(started, (a) => a.authorisedOn!);
  if (authorised)
    return { stage: 'child-in-need', since: authorised.authorisedOn!, details: { plan: false } };
  return { stage: 'referral', since: episode.referralDate };
}

/**
 * A contact still at the front door: received, and either not yet decided or decided as a referral that has not
 * yet been recorded (no episode opened from it or since it came).
 */
function contactAtTheDoor(record: JourneyRecord, today: Day): JourneyStatus | undefined {
  const contact = latest(
    record.contacts.filter((c) => onOrBefore(c.receivedOn, today)),
    (c) => c.receivedOn,
  );
  if (!contact) return undefined;
  const referred = record.episodes.some(
    (e) => e.contactId === contact.id || compare(e.referralDate, contact.receivedOn) >= 0,
  );
  const undecided = !contact.decidedOn || !onOrBefore(contact.decidedOn, today);
  const awaitingReferral = contact.decision === 'referral' && !referred;
  return undecided || awaitingReferral ? { stage: 'contact', since: contact.receivedOn } : undefined;
}

function closed(record: JourneyRecord, today: Day): JourneyStatus {
  const closures = [
    ...record.episodes.map((e) => e.closedOn),
    ...record.periodsOfCare.map((p) => p.endDate),
    ...record.careLeaverStatuses.map((s) => s.toDate),
  ].filter((date): date is Day => date !== null && onOrBefore(date, today));
  return { stage: 'closed', since: latest(closures, (date) => date) ?? null, details: { died: false } };
}

/**
 * The child's status today. Where several things are open the highest counts: looked after, then a child
 * protection plan, then care leaver, then a child in need plan, an assessment or section 47 enquiry, a referral,
 * a contact. A care leaver ranks above the open episode's own stages, as in the transition table (a referral of a
 * care leaver leaves them a care leaver). A child who has died, or has nothing open, is closed.
 */
export function journeyStatus(record: JourneyRecord, today: Day): JourneyStatus {
  const died = diedOn(record, today);
  if (died) return { stage: 'closed', since: died, details: { died: true } };
  return (
    lookedAfter(record, today) ??
    protectionPlan(record, today) ??
    careLeaver(record, today) ??
    openEpisode(record, today) ??
    contactAtTheDoor(record, today) ??
    closed(record, today)
  );
}

const careLeaverWords: Record<CareLeaverStatus, string> = {
  eligible: 'eligible',
  relevant: 'relevant',
  'former-relevant': 'former relevant',
  qualifying: 'qualifying',
};

/** Looked after since the period of care began, then the legal status and the placement with its own start. */
function describeLookedAfter(status: Extract<JourneyStatus, { stage: 'looked-after' }>): string {
  const { legalStatus, placement } = status.details;
  const placed = placement
    ? `${inSentence(placement.words)} since ${writtenDay(placement.start)}`
    : 'no placement recorded';
  const parts = [legalStatus && inSentence(legalStatus.words), placed].filter(Boolean);
  return `Looked after since ${writtenDay(status.since)}: ${parts.join('; ')}`;
}

/**
 * The status in the words a social worker reads: "Child protection plan since 3 March 2025 (neglect)",
 * "Looked after since 4 March 2025: interim care order; foster placement with relative(s) or friend(s) since
 * 4 March 2025",
 * "Care leaver: former relevant".
 */
export function describe(status: JourneyStatus): string {
  const since = status.since ? writtenDay(status.since) : '';
  switch (status.stage) {
    case 'contact':
      return `Contact received on ${since}`;
    case 'referral':
      return `Referral since ${since}`;
    case 'assessment':
      return status.details.enquiry === 'section-47'
        ? `Section 47 enquiry since ${since}`
        : `Assessment since ${since}`;
    case 'child-in-need':
      return status.details.plan ? `Child in need plan since ${since}` : `Child in need since ${since}`;
    case 'child-protection-plan':
      return `Child protection plan since ${since} (${inSentence(status.details.category)})`;
    case 'looked-after':
      return describeLookedAfter(status);
    case 'care-leaver':
      return `Care leaver: ${careLeaverWords[status.details.status]}`;
    case 'closed':
      if (status.details.died) return `Closed: the child died on ${since}`;
      return status.since ? `Closed since ${since}` : 'No open episode';
  }
}
