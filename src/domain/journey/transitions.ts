import { Temporal } from 'temporal-polyfill';

/**
 * The child's statutory journey as an explicit transition table (STYLE.md rule 5; DOMAIN.md §1): from the
 * child's current status and an event, the status that follows, or a refusal saying why the move is not
 * possible. Sources: Working Together to Safeguard Children 2023 (referral, assessment, strategy discussion,
 * section 47 enquiry, initial child protection conference, child protection plan); the Care Planning,
 * Placement and Case Review (England) Regulations 2010 (looked after); the Children (Leaving Care) Act 2000 and
 * the Care Leavers (England) Regulations 2010 (care leavers).
 *
 * The status is the child's highest statutory status: a child on a child protection plan who becomes looked
 * after is "looked-after" while the plan runs on until it is ended.
 */

export const journeyStates = [
  'no-open-episode',
  'referred',
  'child-in-need',
  'section-47',
  'child-protection',
  'looked-after',
  'care-leaver',
] as const;
export type JourneyState = (typeof journeyStates)[number];

export const journeyEvents = [
  'referral',
  'referral-no-further-action',
  'assessment-authorised-child-in-need',
  'assessment-authorised-no-further-action',
  'strategy-discussion-section-47',
  'section-47-no-further-action',
  'section-47-child-in-need',
  'conference-child-protection-plan',
  'conference-no-plan',
  'child-protection-plan-ended',
  'became-looked-after',
  'ceased-care-eligible-for-leaving-care',
  'ceased-care-at-eighteen',
  'ceased-care',
  'leaving-care-support-ended',
  'episode-closed',
] as const;
export type JourneyEvent = (typeof journeyEvents)[number];

/**
 * The CIN census reason for closure of the episode of need of a young person who leaves care at 18 to leaving-care
 * support: RC7, "services ended for any other reason, including child no longer in need" (DfE Children in Need
 * census guide, reason for closure codes RC1–RC9). They are no longer a child, so no longer a child in need, and
 * their support as a former relevant young person goes on under the Children Act 1989 (ss. 23C–24B), recorded as
 * their care leaver status. RC6, "transferred to adult social care services", is for a young person whom adult
 * social care takes on under the Care Act 2014 (ss. 58–66): a worker records that by closing the episode
 * themselves, which Hearth does not yet ask at the end of care.
 */
export const closureOnLeavingCareAtEighteen = 'RC7';

/** A move: the next status, a refusal, or the next status with the open episode of need closing too. */
type Move = JourneyState | { refused: string } | { next: JourneyState; closesEpisode: string };

function refused(reason: string): Move {
  return { refused: reason };
}

/**
 * The table itself. A pair that is not listed is refused with the event's general reason in `unlisted`.
 * Where a refusal needs a specific explanation it is written in the table.
 */
const table: Partial<Record<JourneyState, Partial<Record<JourneyEvent, Move>>>> = {
  'no-open-episode': {
    referral: 'referred',
    'episode-closed': refused('There is no open episode of need to close.'),
  },
  referred: {
    referral: refused('The child already has an open episode of need: record this as a contact on it.'),
    'referral-no-further-action': 'no-open-episode',
    'assessment-authorised-child-in-need': 'child-in-need',
    'assessment-authorised-no-further-action': 'no-open-episode',
    'strategy-discussion-section-47': 'section-47',
    'became-looked-after': 'looked-after',
    'episode-closed': 'no-open-episode',
  },
  'child-in-need': {
    referral: refused('The child already has an open episode of need: record this as a contact on it.'),
    'strategy-discussion-section-47': 'section-47',
    'became-looked-after': 'looked-after',
    'episode-closed': 'no-open-episode',
  },
  'section-47': {
    referral: refused('The child already has an open episode of need: record this as a contact on it.'),
    'strategy-discussion-section-47': refused('A section 47 enquiry is already open for this child.'),
    'section-47-no-further-action': 'referred',
    'section-47-child-in-need': 'child-in-need',
    'conference-child-protection-plan': 'child-protection',
    'conference-no-plan': 'child-in-need',
    'became-looked-after': 'looked-after',
    'episode-closed': refused('End the section 47 enquiry before closing the episode.'),
  },
  'child-protection': {
    referral: refused('The child already has an open episode of need: record this as a contact on it.'),
    // A new concern during a plan is a new strategy discussion and enquiry; the plan runs on.
    'strategy-discussion-section-47': 'child-protection',
    'conference-child-protection-plan': refused('The child is already on a child protection plan.'),
    'child-protection-plan-ended': 'child-in-need',
    'became-looked-after': 'looked-after',
    'episode-closed': refused('End the child protection plan before closing the episode.'),
  },
  'looked-after': {
    referral: refused('The child is looked after: record this as a contact on their open episode.'),
    'strategy-discussion-section-47': 'looked-after',
    'section-47-no-further-action': 'looked-after',
    'section-47-child-in-need': 'looked-after',
    'conference-child-protection-plan': 'looked-after',
    'conference-no-plan': 'looked-after',
    'child-protection-plan-ended': 'looked-after',
    'became-looked-after': refused('The child is already looked after: periods of care cannot overlap.'),
    'ceased-care-eligible-for-leaving-care': 'care-leaver',
    // At 18 the young person is no longer a child in need: the episode of need closes as care ends.
    'ceased-care-at-eighteen': { next: 'care-leaver', closesEpisode: closureOnLeavingCareAtEighteen },
    'ceased-care': 'child-in-need',
    'episode-closed': refused('End the period of care before closing the episode.'),
  },
  'care-leaver': {
    referral: 'care-leaver',
    // The episode of need closes when the young person turns 18 (or its later referral is done with); the
    // leaving-care support carries on until it ends.
    'episode-closed': 'care-leaver',
    'became-looked-after': 'looked-after',
    'leaving-care-support-ended': 'no-open-episode',
  },
};

/** Why an event not listed for a state is refused, whatever the state. */
const unlisted: Record<JourneyEvent, string> = {
  referral: 'A referral cannot be recorded now.',
  'referral-no-further-action': 'Only a referral still being considered can end in no further action.',
  'assessment-authorised-child-in-need': 'An assessment can only be authorised on an open referral.',
  'assessment-authorised-no-further-action': 'An assessment can only be authorised on an open referral.',
  'strategy-discussion-section-47':
    'A section 47 enquiry needs an open episode of need: record the referral first.',
  'section-47-no-further-action': 'There is no open section 47 enquiry to end.',
  'section-47-child-in-need': 'There is no open section 47 enquiry to end.',
  'conference-child-protection-plan': 'An initial child protection conference follows a section 47 enquiry.',
  'conference-no-plan': 'An initial child protection conference follows a section 47 enquiry.',
  'child-protection-plan-ended': 'The child is not on a child protection plan.',
  'became-looked-after':
    'A child becomes looked after from an open episode of need: record the referral first.',
  'ceased-care-eligible-for-leaving-care': 'The child is not looked after.',
  'ceased-care-at-eighteen': 'The young person is not looked after.',
  'ceased-care': 'The child is not looked after.',
  'leaving-care-support-ended': 'The young person is not a care leaver.',
  'episode-closed': 'There is no open episode of need to close.',
};

export type Transition =
  { allowed: true; next: JourneyState; closesEpisode?: string } | { allowed: false; reason: string };

/**
 * The status after `event`, or the reason the move is refused. Where the move also closes the open episode of
 * need, `closesEpisode` gives its CIN census reason for closure.
 */
export function transition(state: JourneyState, event: JourneyEvent): Transition {
  const move = table[state]?.[event];
  if (move === undefined) return { allowed: false, reason: unlisted[event] };
  if (typeof move === 'string') return { allowed: true, next: move };
  if ('refused' in move) return { allowed: false, reason: move.refused };
  return { allowed: true, next: move.next, closesEpisode: move.closesEpisode };
}

/**
 * The event of a period of care ending (Children (Leaving Care) Act 2000): leaving care at 18 or over to
 * leaving-care support, leaving care at 16 or 17 to it, or leaving care without it. `endDate` on the 18th
 * birthday counts as at 18.
 */
export function leavingCareEvent(
  dateOfBirth: string | null,
  endDate: string,
  toLeavingCareSupport: boolean,
): JourneyEvent {
  if (!toLeavingCareSupport) return 'ceased-care';
  const eighteenth = dateOfBirth && Temporal.PlainDate.from(dateOfBirth).add({ years: 18 }).toString();
  return eighteenth && endDate >= eighteenth
    ? 'ceased-care-at-eighteen'
    : 'ceased-care-eligible-for-leaving-care';
}

/** What is open for a child, from which their status follows. */
export interface JourneyFacts {
  openEpisode: boolean;
  assessmentAuthorised: boolean;
  openSection47: boolean;
  openChildProtectionPlan: boolean;
  openPeriodOfCare: boolean;
  careLeaver: boolean;
}

/** The child's status: the highest of what is open (DOMAIN.md §1), a care leaver only once out of care. */
export function journeyStateOf(facts: JourneyFacts): JourneyState {
  if (facts.openPeriodOfCare) return 'looked-after';
  if (facts.openChildProtectionPlan) return 'child-protection';
  if (facts.openSection47) return 'section-47';
  if (facts.careLeaver) return 'care-leaver';
  if (facts.openEpisode) return facts.assessmentAuthorised ? 'child-in-need' : 'referred';
  return 'no-open-episode';
}
