import { nhsCheckDigit } from '../domain/identifiers/nhs-number.ts';
import { upnCheckLetter } from '../domain/identifiers/upn.ts';
import { isReReferral } from '../domain/journey/rules.ts';
import { lookAfter } from './care.ts';
import type { Council, Row } from './context.ts';
import {
  addMonths,
  addYears,
  ageOn,
  CALENDAR_FIRST,
  instantOf,
  isoOf,
  onWorkingDay,
  type Day,
} from './days.ts';
import {
  assess,
  childInNeedPlan,
  closeEpisode,
  contact,
  openEpisode,
  section47,
  type Episode,
} from './episodes.ts';
import { childName, streetAddress, townOf } from './names.ts';
import { caseNotes } from './notes.ts';
import { demoCouncilCodes, demoPostcodes, inDemoArea } from './postcodes.ts';
import type { Random } from './random.ts';
import { flows } from './rates.ts';
import { dayFromIso, Story } from './story.ts';

/**
 * One child of the demonstration council, from first contact to today: who they are, and their journey told by
 * the stages (episodes.ts, care.ts) in the order the journey's transition table allows.
 */
export type Arrival = { kind: 'referral' | 'care' | 'contact'; day: Day; uasc?: boolean; spread?: number };

/** Children live anywhere in the county. */
const homePostcodes = demoPostcodes.filter((each) => inDemoArea(each[1]));

/** Ages at referral, after "Characteristics of children in need 2024" (older children most often). */
const referralAges = Array.from(
  { length: 18 },
  (_, age) => [age, age === 0 ? 9 : age < 5 ? 4 : age < 10 ? 5 : age < 16 ? 6.5 : 5] as const,
);
/** Ages on starting care, after "Children looked after in England 2024". */
const careAges = Array.from(
  { length: 18 },
  (_, age) => [age, age === 0 ? 16 : age < 5 ? 3.2 : age < 10 ? 3.4 : age < 16 ? 6 : 7] as const,
);

export function tellChild(council: Council, random: Random, arrival: Arrival): Story | undefined {
  const asylum = arrival.uasc === true;
  let born: Day;
  if (asylum) {
    // Mostly 16 and 17 on arrival (weights 1, 3, 6, 5 for 14 to 17), placed evenly along those ages by
    // `arrival.spread` so that how long they stay in care, until 18, does not swing from seed to seed.
    const position = (arrival.spread ?? random.next()) * 15;
    const [age, before, weight] =
      position < 1 ? [14, 0, 1] : position < 4 ? [15, 1, 3] : position < 10 ? [16, 4, 6] : [17, 10, 5];
    born = arrival.day - age * 365 - Math.floor(((position - before) / weight) * 364);
  } else {
    const age = random.weighted(arrival.kind === 'care' ? careAges : referralAges);
    born = arrival.day - age * 365 - random.int(0, 364);
  }
  if (born > arrival.day) return undefined;
  const sex = asylum ? (random.chance(0.93) ? 'M' : 'F') : random.chance(0.52) ? 'M' : 'F';
  const name = childName(random, sex, { asylum });
  const childId = random.uuid(arrival.day * 86_400_000);
  const story = new Story(council, random, childId, born);
  const home = random.pick(homePostcodes);

  if (arrival.kind === 'contact') {
    contact(
      story,
      arrival.day,
      random.weighted([
        ['no-further-action', 40],
        ['information-and-advice', 30],
        ['early-help', 30],
      ] as const),
      random.pick(['2A', '6', '3A', '1A', '8']),
    );
  } else if (arrival.kind === 'care') {
    const referral = asylum ? arrival.day : Math.max(born, CALENDAR_FIRST, arrival.day - random.int(0, 60));
    const episode = openEpisode(
      story,
      referral,
      asylum
        ? { source: random.pick(['6', '5C', '8']), need: 'N8' }
        : {
            need: random.weighted([
              ['N1', 70],
              ['N4', 8],
              ['N5', 10],
              ['N8', 8],
              ['N2', 4],
            ] as const),
          },
    );
    let start = arrival.day;
    if (!asylum && random.chance(0.3)) {
      const enquiry = section47(story, episode, referral + random.int(0, 5), random.int(2, 9));
      // A plan ends the day the child comes into care; the child stays on a plan still running today.
      if (enquiry.plan) start = enquiry.planEnded ?? council.asAt + 1;
      else if (enquiry.ended !== null) start = Math.max(start, enquiry.ended + random.int(10, 200));
      else start = council.asAt + 1;
    }
    assess(story, episode, 'looked-after');
    start = onWorkingDay(start);
    if (start <= council.asAt && ageOn(born, start) < 18)
      lookAfter(story, episode, { day: onWorkingDay(start), uasc: asylum, homePostcode: home });
    else if (start <= council.asAt) closeEpisode(story, episode, Math.max(start, addYears(born, 18)), 'RC7');
    // Still on a plan or in an enquiry when they turn 18: no longer a child, so the episode closes then.
    else if (addYears(born, 18) <= council.asAt) closeAtEighteen(story, episode, addYears(born, 18));
  } else {
    let referral: Day | null = arrival.day;
    while (referral !== null && referral <= council.asAt && ageOn(born, referral) < 18) {
      const episode = openEpisode(story, referral);
      const closed = runEpisode(story, episode);
      if (closed === null) {
        // Still open when they turn 18: no longer a child, so the plans end and the episode closes on the birthday.
        if (addYears(born, 18) <= council.asAt) closeAtEighteen(story, episode, addYears(born, 18));
        break;
      }
      if (closed + 7 < addMonths(referral, 12) && council.share('re-referral', flows.reReferralWithinYear))
        referral = random.int(closed + 7, addMonths(referral, 12) - 1);
      else if (council.share('later-referral', flows.laterReferral))
        referral = Math.max(closed, addMonths(referral, 12)) + random.int(7, 900);
      else referral = null;
    }
  }
  // Other contacts about children already known.
  if (arrival.kind !== 'contact' && random.chance(0.35)) {
    const day = arrival.day + random.int(-400, 700);
    if (day > born && day >= CALENDAR_FIRST && day <= council.asAt && ageOn(born, day) < 18)
      contact(
        story,
        day,
        random.pick(['no-further-action', 'information-and-advice', 'early-help']),
        random.pick(['2A', '6', '3A', '1A', '8']),
      );
  }

  story.settleAllocations();
  caseNotes(story);
  for (const status of story.rows.care_leaver_statuses ?? []) {
    status.personal_adviser_id = (status.adviser_allocation as Row).worker_id;
    delete status.adviser_allocation;
  }
  const episodes = story.rows.episodes ?? [];
  episodes.forEach((episode, index) => {
    const before = episodes.slice(0, index).map((each) => each.referral_date as string);
    episode.re_referral = isReReferral(episode.referral_date as string, before);
  });
  if (!kept(story, council)) return undefined;

  // The council's number, a school's, the year and a serial: drawn again in the rare case that it is taken.
  let upnBody: string;
  do
    upnBody = `${demoCouncilCodes.number}${String(random.int(2000, 4999))}${String(random.int(10, 25))}${String(random.int(0, 999)).padStart(3, '0')}`;
  while (council.upns.has(upnBody));
  council.upns.add(upnBody);
  let nhs: string | null = null;
  while (nhs === null && random.chance(0.96)) {
    const firstNine = `${random.int(4, 7)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const check = nhsCheckDigit(firstNine);
    if (check !== undefined) nhs = `${firstNine}${check}`;
  }
  const first = Math.min(
    ...Object.values(story.rows)
      .flatMap((rows) => rows.map((row) => dayOfRow(row)))
      .filter((day) => day !== null),
  );
  const schoolAge = ageOn(born, council.asAt) >= 5 && ageOn(born, council.asAt) < 19;
  // 1% of children of school age have no UPN recorded (a planted fault). A young adult was given one at school
  // (an unaccompanied young person never was), so the returns of the years they were a child carry it; no random
  // draw is made for them, and the draw stays where it was, so the rest of the council is drawn as before.
  const hasUpn = () => (schoolAge ? random.chance(0.99) : ageOn(born, council.asAt) >= 19 && !asylum);
  story.rows.children = [
    {
      council_id: council.id,
      id: childId,
      local_id: '',
      given_name: name.givenName,
      family_name: name.familyName,
      date_of_birth: isoOf(born),
      restricted: false,
      version: 1,
      created_at: instantOf(first),
      updated_at: instantOf(first),
      sex,
      ethnicity: name.ethnicity,
      first_language: asylum
        ? random.pick(['Pashto', 'Dari', 'Tigrinya', 'Arabic', 'Kurdish', 'Amharic'])
        : random.chance(0.88)
          ? 'English'
          : random.pick(['Polish', 'Urdu', 'Punjabi', 'Romanian', 'Bengali', 'Somali', 'Gujarati']),
      disabilities: episodes.some((episode) => episode.primary_need === 'N2')
        ? [random.pick(['AUT', 'LD', 'COMM', 'BEH', 'MOB'])]
        : [],
      immigration_status: asylum ? 'Asylum claim made' : null,
      uasc: asylum,
      upn: hasUpn() ? `${upnCheckLetter(upnBody)}${upnBody}` : null,
      nhs_number: nhs,
    },
  ];
  const moved = random.chance(0.3) ? first - random.int(30, 900) : null;
  const addressFrom = Math.max(born, moved ?? born);
  if (moved !== null && moved > born) {
    const line1 = streetAddress(random);
    const before = random.pick(homePostcodes);
    story.add('child_addresses', born, {
      line1,
      line2: null,
      town: townOf(before),
      postcode: before[0],
      from_date: isoOf(born),
      to_date: isoOf(moved),
      created_at: instantOf(first),
    });
  }
  story.add('child_addresses', addressFrom, {
    line1: streetAddress(random),
    line2: null,
    town: townOf(home),
    postcode: home[0],
    from_date: isoOf(addressFrom),
    to_date: null,
    created_at: instantOf(first),
  });
  return story;
}

/** The day a row is about, for its child's first appearance. */
function dayOfRow(row: Row): number | null {
  const value = row.referral_date ?? row.received_at ?? row.start_date ?? row.from_date;
  return typeof value === 'string' ? dayFromIso(value.slice(0, 10)) : null;
}

/** Children whose last episode or leaving-care support ended before the history kept are not written. */
function kept(story: Story, council: Council): boolean {
  const open = (rows: Row[] | undefined, column: string) =>
    (rows ?? []).some((row) => row[column] === null || dayFromIso(row[column] as string) >= council.keepFrom);
  if (open(story.rows.episodes, 'closed_on') || open(story.rows.care_leaver_statuses, 'to_date')) return true;
  return (story.rows.contacts ?? []).some(
    (row) => dayFromIso((row.received_at as string).slice(0, 10)) >= council.windowStart,
  );
}

/** An episode outside care: no further action, assessment and closure, a child in need plan, or section 47. */
function runEpisode(story: Story, episode: Episode): Day | null {
  const random = story.random;
  const referral = episode.referral;
  const eighteen = addYears(story.born, 18);
  const disabled = episode.row.primary_need === 'N2';
  const supportTeam = disabled ? 'disabled-children' : 'child-in-need';
  if (story.council.share('no-further-action', flows.noFurtherAction)) {
    episode.row.no_further_action = true;
    closeEpisode(
      story,
      episode,
      Math.min(onWorkingDay(referral + random.int(0, 2)), Math.max(referral, story.asAt)),
      'RC8',
    );
    return episode.closed;
  }
  const stepDown = (from: Day, months: number): Day | null => {
    const start = onWorkingDay(from + random.int(0, 10));
    const end = Math.min(onWorkingDay(addMonths(start, months)), eighteen);
    if (start > story.asAt) return null;
    if (start >= eighteen) {
      closeEpisode(story, episode, Math.max(from, eighteen), 'RC6');
      return episode.closed;
    }
    story.allocateTo(supportTeam, start, 'Child in need plan');
    childInNeedPlan(story, episode, start, end, supportTeam);
    if (end > story.asAt) return null;
    closeEpisode(
      story,
      episode,
      end,
      end === eighteen
        ? random.pick(['RC6', 'RC7'])
        : random.weighted([
            ['RC7', 85],
            ['RC3', 4],
            ['RC4', 3],
            ['RC5', 8],
          ] as const),
    );
    return episode.closed;
  };
  const cinMonths = () => (disabled ? random.int(9, 36) : Math.max(2, Math.round(random.exponential(5.5))));
  if (ageOn(story.born, referral) < 17 && story.council.share('section-47', flows.section47)) {
    const enquiry = section47(
      story,
      episode,
      referral +
        random.weighted([
          [0, 30],
          [random.int(1, 5), 45],
          [random.int(6, 25), 25],
        ] as const),
    );
    if (enquiry.ended === null) {
      assess(story, episode, 'strategy-discussion');
      return null;
    }
    if (enquiry.outcome === 'no-further-action') {
      const authorised = assess(
        story,
        episode,
        random.chance(0.6) ? 'no-further-action' : 'early-help',
        enquiry.ended,
      );
      if (authorised === null) return null;
      // After a section 47 enquiry the case did not close after assessment alone (RC8, rule 2990): RC7.
      closeEpisode(story, episode, authorised, 'RC7');
      return episode.closed;
    }
    assess(
      story,
      episode,
      enquiry.outcome === 'child-in-need' ? 'child-in-need-plan' : 'strategy-discussion',
    );
    if (enquiry.plan)
      return enquiry.planEnded === null ? null : stepDown(enquiry.planEnded, random.int(1, 6));
    return stepDown(enquiry.ended, cinMonths());
  }
  const plan = disabled || story.council.share('child-in-need-plan', flows.childInNeedPlan);
  const outcome = plan ? 'child-in-need-plan' : random.chance(0.55) ? 'no-further-action' : 'early-help';
  const authorised = assess(story, episode, outcome);
  if (authorised === null) return null;
  if (!plan) {
    closeEpisode(story, episode, authorised, outcome === 'early-help' ? 'RC9' : 'RC8');
    return episode.closed;
  }
  return stepDown(authorised, cinMonths());
}

/** A child's plans end and their episode closes on their 18th birthday, when they are no longer a child in need. */
function closeAtEighteen(story: Story, episode: Episode, birthday: Day): void {
  for (const table of ['cp_plans', 'cin_plans']) {
    for (const plan of story.rows[table] ?? []) {
      // A plan that was to run past the 18th birthday (begun at 16 or 17, say) ends on it too.
      if (plan.episode_id !== episode.id) continue;
      if (plan.end_date !== null && dayFromIso(plan.end_date as string) <= birthday) continue;
      plan.end_date = isoOf(birthday);
      if (table === 'cp_plans') plan.end_reason = 'Turned 18';
    }
  }
  closeEpisode(story, episode, birthday, 'RC7');
}
