import { lengthAt } from './context.ts';
import { addMonths, addYears, ageOn, dayOf, isoOf, onWorkingDay, type Day } from './days.ts';
import { closeEpisode, type Episode } from './episodes.ts';
import { DEADLINE_RULES } from '../domain/timescales/deadline-rules.ts';
import { educationPlans, healthAssessments } from './health-and-education.ts';
import { leaveCare } from './leaving-care.ts';
import { timeliness } from './rates.ts';
import { demoCouncilCodes, demoPostcodes, inDemoArea, type DemoPostcode } from './postcodes.ts';
import type { Story } from './story.ts';

/**
 * Looked after children and care leavers (Care Planning, Placement and Case Review (England) Regulations 2010;
 * Care Leavers (England) Regulations 2010; SSDA903 guide): a period of care with effective-dated legal statuses
 * and placements, reviews (first within 20 working days, second within 3 months, then 6-monthly), visits (within a
 * week of a placement, then 6-weekly or 3-monthly when long-term), health assessments, personal education plans,
 * missing episodes; then leaving care with a personal adviser, a pathway plan and keeping in touch.
 */
export interface CareEntry {
  day: Day;
  uasc: boolean;
  homePostcode: DemoPostcode;
}

/** Anywhere in the county; Leicester, the city it surrounds (out of area but near); Birmingham, far away. */
const postcodesByArea = {
  home: demoPostcodes.filter((each) => inDemoArea(each[1])),
  near: demoPostcodes.filter((each) => each[1] === 'E06000016'),
  far: demoPostcodes.filter((each) => each[1] === 'E08000025'),
};

function placementType(
  story: Story,
  age: number,
  uasc: boolean,
  longTerm: boolean,
  onOrder: boolean,
): [string, string] {
  const random = story.random;
  // Registered supported accommodation (K3) is for young people of 16 and over (SSDA903 371).
  if (uasc)
    return random.chance(0.6) && age >= 16
      ? ['K3', random.pick(['PR4', 'PR5'])]
      : ['U6', random.pick(['PR1', 'PR4'])];
  if (age >= 16 && random.chance(0.45)) return ['K3', random.pick(['PR4', 'PR5', 'PR1'])];
  if (age >= 11 && random.chance(0.22)) return ['K2', random.chance(0.8) ? 'PR4' : 'PR1'];
  if (random.chance(0.05) && onOrder) return ['P1', 'PR0'];
  if (random.chance(0.18)) return [longTerm ? 'U1' : 'U3', 'PR1'];
  return [longTerm ? 'U4' : 'U6', random.chance(0.6) ? 'PR1' : 'PR4'];
}

function miles(a: DemoPostcode, b: DemoPostcode): number {
  return Math.round(Math.hypot(a[2] - b[2], a[3] - b[3]) / 160.9344) / 10;
}

/** A placement's postcode other than the child's home, where only placed with parents shares it (392d). */
function awayFrom(home: DemoPostcode, drawn: DemoPostcode): DemoPostcode {
  if (drawn[0] !== home[0]) return drawn;
  const others = postcodesByArea.home.filter((each) => each[0] !== home[0]);
  return others[drawn[2] % others.length]!;
}

/**
 * The Ofsted URN of the service of a placement that is not a children's home (SSDA903 218): the fostering
 * service's for foster carers (the council's own, or one of a few agencies'), the adoption agency's, the
 * supported accommodation's; placements with parents have none.
 */
function fosteringUrn(placement: { place: string; provider: string }): string | null {
  // Registered supported accommodation (K3) and adoption agencies (A5, A6) are registered with Ofsted too.
  if (placement.place === 'K3') return ['SC701220', 'SC702981'][placement.provider === 'PR5' ? 1 : 0]!;
  if (placement.place.startsWith('A')) return placement.provider === 'PR1' ? 'SC855002' : 'SC530118';
  if (!placement.place.startsWith('U')) return null;
  if (placement.provider === 'PR1') return 'SC855001';
  return ['SC510231', 'SC480117', 'SC062744'][placement.place.charCodeAt(1) % 3]!;
}

/** Foster placements with the same carers: short-term becoming long-term, of the same kind (U3 to U1, U6 to U4). */
function sameCarers(before: string, after: string): boolean {
  return (before === 'U3' && after === 'U1') || (before === 'U6' && after === 'U4');
}

/** Who looks after the child: a foster household, a home, or the parents, as the council names them. */
function carerOf(story: Story, place: string, from: Day): string {
  if (place === 'P1') return `parents of ${story.childId.slice(0, 8)}`;
  const kind = place.startsWith('U') ? 'FH' : place.startsWith('K') ? 'CH' : 'CA';
  return `${kind}${story.random.int(10_000, 99_999)}-${from}`;
}

/**
 * SSDA903 CIN, the category of need when care began (the referral's primary need; N8, absent parenting, for an
 * unaccompanied child), and PrevPerm, any permanence order the child had before.
 */
function careNeedAndPermanence(story: Story, episode: Episode, entry: CareEntry, start: Day) {
  const need = episode.row.primary_need as string;
  const categoryOfNeed = entry.uasc ? 'N8' : /^N[1-8]$/.test(need) ? need : 'N1';
  const earlier = !entry.uasc && story.random.chance(0.05);
  const ordered = isoOf(Math.max(story.born + 30, start - story.random.int(200, 2000)));
  return {
    category_of_need: categoryOfNeed,
    previous_permanence: earlier ? 'P2' : 'Z1',
    previous_permanence_council: earlier ? demoCouncilCodes.number : null,
    previous_permanence_date: earlier ? ordered.split('-').reverse().join('/') : null,
  };
}

/**
 * SSDA903 OC2: the outcomes recorded each 31 March for a child looked after for the year before it: the SDQ for
 * ages 4 to 16 (a reason when none), conviction from 10, immunisations and substance misuse.
 */
function careOutcomes(story: Story, start: Day, until: Day, recordedBy: () => string): void {
  const random = story.random;
  for (let year = Number(isoOf(start).slice(0, 4)); ; year++) {
    const yearEnd = dayOf(`${year}-03-31`);
    if (yearEnd > until || yearEnd > story.asAt) return;
    // OC2's cohort: looked after continuously for 12 months at 31 March, so from 1 April of the year before at
    // the latest (a child who came into care on that 1 April is in it).
    if (start > dayOf(`${year - 1}-04-01`)) continue;
    const age = ageOn(story.born, yearEnd);
    const misuse = age >= 11 && random.chance(0.06);
    const received = misuse ? random.chance(0.6) : null;
    const scored = age >= 4 && age <= 16 && random.chance(0.85);
    story.add('care_outcomes', Math.min(yearEnd + random.int(1, 20), story.asAt), {
      year_ending: isoOf(yearEnd),
      sdq_score: scored ? random.int(2, 30) : null,
      sdq_reason: scored ? null : age >= 4 && age <= 16 ? 'SDQ4' : 'SDQ1',
      convicted: age >= 10 ? random.chance(0.04) : null,
      immunisations_up_to_date: random.chance(0.88),
      substance_misuse: misuse,
      intervention_received: received,
      intervention_offered: received === false ? random.chance(0.7) : null,
      recorded_by: recordedBy(),
    });
  }
}

/**
 * The agency decision maker's decision that the child should be placed for adoption, before the placement order
 * (Adoption Agencies Regulations 2005, reg. 19); the match with adopters before the child is placed with them; or
 * the decision reversed when the child left care otherwise (SSDA903 PlacedAdoption and AD1).
 */
function adoptionDecision(
  story: Story,
  care: {
    start: Day;
    end: Day | null;
    reason: string;
    order: Day;
    placements: readonly { from: Day; place: string }[];
  },
): void {
  const random = story.random;
  const decided = Math.max(care.start + 1, care.order - random.int(14, 60));
  const placed = care.placements.find((placement) => placement.place.startsWith('A'));
  const adopted = care.reason === 'E11' || care.reason === 'E12';
  const reversed = care.end !== null && !adopted;
  const couple = random.chance(0.85);
  const sex = couple
    ? random.weighted([
        ['MF', 85],
        ['FF', 9],
        ['MM', 6],
      ] as const)
    : random.chance(0.8)
      ? 'F1'
      : 'M1';
  const legalStatus = !couple
    ? 'L0'
    : sex === 'MF'
      ? random.chance(0.75)
        ? 'L11'
        : 'L3'
      : random.pick(['L12', 'L2', 'L4']);
  const matched = placed && !reversed ? Math.max(decided, placed.from - random.int(7, 30)) : null;
  story.add('adoption_decisions', decided, {
    decided_on: isoOf(decided),
    reversed_on: reversed ? isoOf(Math.max(decided, care.end! - random.int(0, 20))) : null,
    reversal_reason: reversed
      ? random.weighted([
          ['RD1', 40],
          ['RD3', 20],
          ['RD4', 40],
        ] as const)
      : null,
    matched_on: matched === null ? null : isoOf(matched),
    adopters_count: matched === null ? null : couple ? 2 : 1,
    adopters_sex: matched === null ? null : sex,
    adopters_legal_status: matched === null ? null : legalStatus,
    by_foster_carers: matched === null ? null : placed!.place === 'A5',
    recorded_by: story.worker('children-in-care', decided),
  });
}

/** The period of care; returns when it ended (null while open) and whether the young person left as a care leaver. */
export function lookAfter(
  story: Story,
  episode: Episode,
  entry: CareEntry,
): { ended: Day | null; careLeaver: boolean } {
  const random = story.random;
  const start = entry.day;
  const age = ageOn(story.born, start);
  const eighteen = addYears(story.born, 18);
  const adoptable = !entry.uasc && age < 4 && random.chance(0.3);
  let months: number;
  if (entry.uasc) months = 999;
  else if (adoptable) months = random.int(14, 36);
  else
    // A quarter home within months, a fifth within a year or so, the rest for years (on average 5½ more).
    months = lengthAt(story.council.spread('care-months'), [
      [1, 5, 24],
      [6, 17, 20],
      [18, 36, 19],
      [37, 84, 19],
      [85, 216, 18],
    ]);
  let end = Math.min(onWorkingDay(addMonths(start, months)), eighteen);
  if (end <= start) end = start + 1;
  const open = end > story.asAt;
  const agedOut = end === eighteen;
  let reason: string = agedOut
    ? random.weighted([
        ['E5', 50],
        ['E17', 18],
        ['E6', 8],
        ['E8', 8],
        ['E13', 8],
        ['E4B', 8],
      ] as const)
    : adoptable
      ? random.weighted([
          ['E11', 50],
          ['E12', 15],
          ['E45', 15],
          ['E47', 10],
          ['E4A', 10],
        ] as const)
      : random.weighted([
          ['E4A', 45],
          ['E4B', 10],
          ['E13', 10],
          ['E41', 6],
          ['E45', 6],
          ['E46', 3],
          ['E3', 5],
          ['E8', 9],
          ['E15', entry.uasc ? 20 : 0],
          ['E14', age >= 12 ? 6 : 0],
        ] as const);
  const careLeaver =
    !open && ageOn(story.born, end) >= 16 && end - start >= 91 && !['E11', 'E12', 'E3'].includes(reason);
  const period = story.add('care_periods', start, {
    episode_id: episode.id,
    start_date: isoOf(start),
    end_date: open ? null : isoOf(end),
    reason_ceased: open ? null : reason,
    version: open ? 1 : 2,
    updated_at: null,
    ...careNeedAndPermanence(story, episode, entry, start),
  });
  story.allocateTo('children-in-care', start, 'Became looked after');
  const until = open ? story.asAt : end;
  const cic = () => story.worker('children-in-care', start);

  // Legal statuses: one after another, each ending the day the next begins.
  const statuses: [string, Day][] = [];
  if (entry.uasc) statuses.push(['V2', start]);
  else {
    const first =
      reason === 'E14'
        ? 'J1'
        : random.weighted([
            ['V2', 34],
            ['C1', 46],
            ['L1', 10],
            ['L2', 6],
            // Remand (J2) is for young people of 10 and over (358).
            ['J2', age >= 10 ? 4 : 0],
          ] as const);
    statuses.push([first, start]);
    if (first === 'L1' || first === 'L2' || first === 'J2')
      // Police protection lasts at most 72 hours (Children Act 1989 s46; SSDA903 361).
      statuses.push([
        random.chance(0.7) ? 'C1' : 'V2',
        first === 'L1' ? start + random.int(1, 3) : onWorkingDay(start + random.int(1, 8)),
      ]);
    if (statuses.at(-1)![0] === 'C1') {
      const order = onWorkingDay(addMonths(statuses.at(-1)![1], random.int(6, 11)));
      statuses.push([adoptable ? 'E1' : 'C2', order]);
    }
  }
  const kept = statuses.filter(([, from], index) => index === 0 || from < until);
  kept.forEach(([code, from], index) => {
    const next = kept[index + 1]?.[1] ?? (open ? null : end);
    story.add('legal_statuses', from, {
      care_period_id: period.id,
      code,
      from_date: isoOf(from),
      to_date: next === null ? null : isoOf(next),
      recorded_by: cic(),
    });
  });

  // Placements: moves about once every three years on average, more for teenagers; a placement for adoption
  // follows a placement order.
  const placements: { from: Day; place: string; provider: string }[] = [];
  // At least one, from the first day: every child in care has a placement (SSDA903: an episode is a placement).
  let from = start;
  do {
    const longTerm = from - start > 365 && random.chance(0.6);
    // A child is placed with parents only under a care order, never accommodated under section 20 (378).
    const status = statuses.filter(([, since]) => since <= from).at(-1)?.[0];
    const onOrder = status === 'C1' || status === 'C2';
    const [place, provider] = placementType(story, ageOn(story.born, from), entry.uasc, longTerm, onOrder);
    placements.push({ from, place, provider });
    const stay = Math.round(random.exponential(age >= 11 ? 420 : 800)) + 14;
    from = onWorkingDay(from + stay);
  } while (from < until);
  const placementOrder = statuses.find(([code]) => code === 'E1');
  if (placementOrder && placementOrder[1] < until) {
    const adoptionPlacement = onWorkingDay(placementOrder[1] + random.int(30, 120));
    if (adoptionPlacement < until) {
      while (placements.length > 1 && placements.at(-1)!.from >= adoptionPlacement) placements.pop();
      placements.push({ from: adoptionPlacement, place: 'A6', provider: random.pick(['PR1', 'PR2']) });
    }
  }
  // An adoption or a special guardianship order to former foster carers ends care only from such a placement
  // (SSDA903 390, 516): otherwise the child went home.
  const last = placements.at(-1)!.place;
  if (
    !open &&
    (((reason === 'E11' || reason === 'E12') && !last.startsWith('A')) ||
      ((reason === 'E45' || reason === 'E46') && !last.startsWith('U')))
  ) {
    reason = 'E4A';
    period.reason_ceased = reason;
  }
  const home = entry.homePostcode;
  let before: { place: string; carer: string; postcode: DemoPostcode } | undefined;
  placements.forEach((placement, index) => {
    const next = placements[index + 1]?.from ?? (open ? null : end);
    const drawn = random.weighted([
      ['home', 62],
      ['near', 23],
      ['far', 15],
    ] as const);
    // The council's own homes and supported accommodation (PR1 other than foster care and adoption) are in
    // its area (SSDA903 1015); its foster carers may live anywhere.
    const area = placement.provider === 'PR1' && !/^[UA]/.test(placement.place) ? 'home' : drawn;
    // A short-term foster placement often becomes the long-term one with the same carers (SSDA903 RNE T).
    // Adopted by the current foster carers (A5), or by new adopters (A6).
    const stays =
      before !== undefined &&
      (sameCarers(before.place, placement.place) ||
        (placement.place === 'A6' && before.place.startsWith('U'))) &&
      random.chance(0.5);
    if (stays && placement.place === 'A6') placement.place = 'A5';
    const postcode = stays
      ? before!.postcode
      : placement.place === 'P1'
        ? home
        : awayFrom(home, random.pick(postcodesByArea[area]));
    const carer = stays ? before!.carer : carerOf(story, placement.place, placement.from);
    before = { place: placement.place, carer, postcode };
    const registered = placement.place === 'K2' || placement.place === 'K1';
    const unregistered = placement.place === 'K2' && random.chance(0.03);
    story.add('placements', placement.from, {
      care_period_id: period.id,
      start_date: isoOf(placement.from),
      end_date: next === null ? null : isoOf(next),
      place: placement.place,
      provider: placement.provider,
      postcode: postcode[0],
      home_postcode: home[0],
      in_area: inDemoArea(postcode[1]),
      distance_miles: miles(postcode, home),
      urn: registered && !unregistered ? `SC${random.int(100000, 999999)}` : fosteringUrn(placement),
      unregistered,
      long_term_agreed: placement.place === 'U1' || placement.place === 'U4',
      carer,
      change_reason:
        index + 1 < placements.length
          ? random.weighted([
              ['CARPL', 30],
              ['CREQB', 15],
              ['CREQO', 12],
              ['LAREQ', 12],
              ['CHILD', 8],
              ['STAND', 4],
              ['CLOSE', 5],
              ['OTHER', 14],
            ] as const)
          : null,
      recorded_by: cic(),
    });
    // Visits (reg. 28): within a week of the placement starting, then 6-weekly; 3-monthly after its first year
    // when the placement is agreed long-term.
    const longTerm = placement.place === 'U1' || placement.place === 'U4';
    const firstYearEnds = addYears(placement.from, 1);
    const every = (previous: Day) =>
      DEADLINE_RULES[longTerm && previous >= firstYearEnds ? 'cla-visit-long-term' : 'cla-visit-next'].period;
    const visitsUntil = (next ?? story.asAt) - 1;
    const firstVisit = DEADLINE_RULES['cla-visit-first'].period;
    for (const day of story.recurring(
      placement.from,
      visitsUntil,
      firstVisit,
      every,
      timeliness.lookedAfterVisit,
    )) {
      const seen = random.chance(0.95);
      story.add('child_visits', day, {
        visited_on: isoOf(day),
        seen,
        seen_alone: seen && age >= 4 ? random.chance(0.7) : false,
        bedroom_seen: seen ? random.chance(0.5) : false,
        wishes_and_feelings: null,
        recorded_by: story.worker('children-in-care', day),
      });
    }
  });

  if (placementOrder && placementOrder[1] < until)
    adoptionDecision(story, { start, end: open ? null : end, reason, order: placementOrder[1], placements });

  // Reviews by the independent reviewing officer.
  const officers = story.council.staff.reviewingOfficers;
  const officer = open
    ? officers.reduce((a, b) => (a.load / a.capacity <= b.load / b.capacity ? a : b))
    : random.pick(officers);
  if (open) officer.load++;
  story.add('allocations', start, {
    worker_id: officer.id,
    case_role: 'independent-reviewing-officer',
    from_date: isoOf(start),
    to_date: open ? null : isoOf(end),
    reason: null,
  });
  const firstReview = story.withinWorkingDays(start, 20, 0.88, 8);
  let review = firstReview;
  for (let number = 0; review <= until && review <= story.asAt; number++) {
    const childAge = ageOn(story.born, review);
    story.add('cla_reviews', review, {
      care_period_id: period.id,
      held_on: isoOf(review),
      iro_worker_id: officer.id,
      participation:
        childAge < 4
          ? 'PN0'
          : random.weighted([
              ['PN1', 45],
              ['PN2', 8],
              ['PN3', 3],
              ['PN4', 8],
              ['PN5', 8],
              ['PN6', 18],
              ['PN7', 10],
            ] as const),
      recorded_by: officer.id,
    });
    const interval = number === 0 ? 3 : 6;
    review = onWorkingDay(
      addMonths(review, interval) - (random.chance(0.9) ? random.int(0, 20) : -random.int(1, 30)),
    );
  }

  careOutcomes(story, start, until, cic);
  healthAssessments(story, start, until, cic);
  educationPlans(story, start, until, cic);
  // Missing and away from placement: a minority of older children, a few times a year.
  if (age >= 11 && random.chance(0.3)) {
    let day = start + Math.round(random.exponential(150));
    while (day < until - 3) {
      const ended = day + random.int(0, 3);
      const offered = random.chance(0.85);
      story.add('missing_episodes', day, {
        kind: random.chance(0.7) ? 'M' : 'A',
        started_on: isoOf(day),
        ended_on: ended <= story.asAt ? isoOf(ended) : null,
        return_interview_offered: offered,
        return_interview_accepted: offered && random.chance(0.55),
        recorded_by: cic(),
      });
      day = ended + 1 + Math.round(random.exponential(120));
    }
  }

  if (open) return { ended: null, careLeaver: false };
  if (careLeaver) {
    leaveCare(story, start, end);
    // The episode of need closes at 18, when the young person is no longer a child in need; the care leaver's
    // record carries on (CIN census guide: episodes close when services to the child end). Disabled young people
    // go on to adult social care.
    const adult = episode.row.primary_need === 'N2' ? 'RC6' : 'RC7';
    closeEpisode(story, episode, Math.max(end, addYears(story.born, 18)), adult, 'carries-on');
    return { ended: end, careLeaver };
  }
  // Care ended without leaving-care support: the case closes, at once or after some support at home.
  const closure: Record<string, string> = {
    E11: 'RC1',
    E12: 'RC1',
    E41: 'RC3',
    E45: 'RC4',
    E46: 'RC4',
    E47: 'RC4',
    E3: 'RC5',
  };
  const closes = closure[reason] ? end : Math.min(end + random.int(0, 90), addYears(story.born, 18));
  story.allocateTo('child-in-need', end, 'Ceased to be looked after');
  closeEpisode(story, episode, Math.max(closes, end), closure[reason] ?? (agedOut ? 'RC6' : 'RC7'));
  return { ended: end, careLeaver };
}
