import { addRow, type Council, type Row, type Rows, type Staff } from './context.ts';
import {
  addMonths,
  addYears,
  dayOf,
  instantOf,
  isoOf,
  millisecondsOf,
  onWorkingDay,
  type Day,
} from './days.ts';
import { staffName } from './names.ts';
import { addSicknessHistory } from './workforce-sickness.ts';
import type { Random } from './random.ts';

/**
 * The workforce's record at national rates (issue 21, part 7): each worker's job, registration, appraisal,
 * training and lead areas; established posts, filled, vacant or covered by agency; leavers (about 15% a year, the
 * DfE census's turnover) with agency cover and the starters who replaced them over five years; one-to-one supervision, mostly
 * monthly and on time; international recruits in induction; students with practice educators. It runs on its own
 * random stream, so the children's stories are unchanged.
 */
const leadAreas = [
  'Unaccompanied minors',
  'Gangs and exploitation',
  'Domestic abuse',
  'Neurodiversity',
  'Missing',
];
const courses: ReadonlyArray<[string, number | null]> = [
  ['Safeguarding children refresher', 2],
  ['Court skills', null],
  ['Signs of Safety', null],
];
const reasons = [
  ['resigned', 60],
  ['retired', 10],
  ['end-of-contract', 8],
  ['moved-within-council', 12],
  ['dismissed', 2],
  ['other', 8],
] as const;
const inductionSteps = [
  'swe-registration',
  'right-to-work',
  'corporate-induction',
  'practice-induction',
  'shadowing',
  'first-cases',
  'probation-review',
];

function jobOf(worker: Row, random: Random): string | null {
  if (worker.contract === 'student') return 'student';
  switch (worker.role) {
    case 'social-worker':
      return random.weighted([
        ['social-worker', 78],
        ['senior-practitioner', 16],
        ['advanced-practitioner', 6],
      ] as const);
    case 'personal-adviser':
      return 'personal-adviser';
    case 'team-manager':
      return 'team-manager';
    case 'independent-reviewing-officer':
      return 'reviewing-officer';
    case 'service-manager':
      return 'service-manager';
    default:
      return null;
  }
}

export function addWorkforceHistory(council: Council, rows: Rows, staff: Staff, random: Random): void {
  const { asAt } = council;
  const workers = rows.workers!;
  for (const worker of workers) describeWorker(council, rows, worker, random);
  const memberships = rows.team_memberships!;
  const byId = new Map(workers.map((worker) => [worker.id as string, worker]));
  for (const team of rows.teams!) {
    const members = memberships
      .filter((membership) => membership.team_id === team.id)
      .map((membership) => byId.get(membership.worker_id as string)!);
    const created = dayOf((team.created_at as string).slice(0, 10));
    const post = (job: string, fte: number) =>
      addRow(rows, 'posts', {
        council_id: council.id,
        id: random.uuid(millisecondsOf(created)),
        team_id: team.id,
        title: `${job === 'team-manager' ? 'Team manager' : job === 'personal-adviser' ? 'Personal adviser' : 'Social worker'}`,
        job,
        fte: fte.toFixed(2),
        from_date: isoOf(created),
        to_date: null,
        created_at: instantOf(created),
      }).id as string;
    const hold = (postId: string, workerId: string, from: string, to: string | null) =>
      addRow(rows, 'post_holders', {
        council_id: council.id,
        id: random.uuid(millisecondsOf(created)),
        post_id: postId,
        worker_id: workerId,
        from_date: from < isoOf(created) ? isoOf(created) : from,
        to_date: to,
      });
    const caseHolders = members.filter((member) => member.contract !== 'student');
    const cover = (postId: string, from: Day, to: Day | null) =>
      addAgencyCover(council, rows, staff, team, from, to, random, (id) =>
        hold(postId, id, isoOf(from), to === null ? null : isoOf(to)),
      );
    for (const member of caseHolders) {
      const agency = member.contract === 'agency' || member.contract === 'locum';
      const postId = post(
        member.job === 'team-manager' ? 'team-manager' : String(member.job ?? 'social-worker'),
        agency ? 1 : Number(member.fte),
      );
      hold(postId, member.id as string, member.started_on as string, null);
      // An agency worker covers a post long vacant: other agency workers covered it before, back to someone
      // who left more than five years ago (so the agency share is steady over the years charted).
      if (agency) {
        let until = dayOf(member.started_on as string);
        while (until > asAt - 5 * 365) {
          const from = until - random.int(200, 700);
          cover(postId, from, until);
          until = from;
        }
        const left = until - random.int(5, 60);
        const leaver = addLeaver(council, rows, team, left, random);
        hold(postId, leaver.id, leaver.startedOn, isoOf(left));
      }
    }
    // A post its holder left on `left`, now vacant unless someone holds it from later.
    const vacatedPost = (left: Day) => {
      const postId = post(team.kind === 'care-experienced' ? 'personal-adviser' : 'social-worker', 1);
      const leaver = addLeaver(council, rows, team, left, random);
      hold(postId, leaver.id, leaver.startedOn, isoOf(left));
      return postId;
    };
    // Leavers over the five years: a quarter of the case holders a year, about 15% of all social workers (the
    // census's turnover); their posts vacant for two months to a year and more, most covered by agency
    // meanwhile, until a starter comes (or still vacant now).
    for (let year = 1; year <= 5; year++) {
      const count = random.poisson(caseHolders.length * 0.3);
      for (let number = 0; number < count; number++) {
        const left = asAt - random.int(365 * (year - 1) + 1, 365 * year);
        const started = left + random.int(60, 420);
        const postId = vacatedPost(left);
        if (random.chance(0.8)) cover(postId, left + random.int(5, 25), started < asAt ? started : null);
        if (started >= asAt) continue;
        const starter = addStarter(council, rows, staff, team, started, random);
        hold(postId, starter, isoOf(started), null);
      }
    }
    addSupervision(council, rows, team, members, random);
  }
  addInternationalRecruits(council, rows, staff, random);
  addStudentsEducators(rows, random);
  addSicknessHistory(council, rows, random.fork('sickness'));
}

/** A worker's job, registration, appraisal, lead areas and training. */
function describeWorker(council: Council, rows: Rows, worker: Row, random: Random): void {
  const { asAt } = council;
  const job = (worker.job as string | undefined) ?? jobOf(worker, random);
  const registered = worker.social_work_england_number && job !== 'student';
  Object.assign(worker, {
    job,
    social_work_england_number: registered ? worker.social_work_england_number : null,
    // Registration is renewed each year; a few have lapsed unnoticed.
    swe_expires_on: registered
      ? isoOf(asAt + (random.chance(0.03) ? -random.int(1, 40) : random.int(10, 360)))
      : null,
    leaving_reason: worker.leaving_reason ?? null,
    asye_started_on: worker.asye_started_on ?? null,
    asye_completed_on: worker.asye_completed_on ?? null,
    lead_areas: random.chance(0.12) ? [random.pick(leadAreas)] : [],
    recruited_from: worker.recruited_from ?? null,
    induction_started_on: worker.induction_started_on ?? null,
    induction_completed_on: null,
    appraised_on: null,
    appraisal_due_on: null,
    practice_educator_id: null,
  });
  if (worker.left_on || !job || job === 'student') return;
  const appraised = asAt - random.int(20, 420);
  const started = dayOf(worker.started_on as string);
  if (appraised > started) {
    worker.appraised_on = isoOf(appraised);
    worker.appraisal_due_on = isoOf(addYears(appraised, 1));
  }
  for (const [course, years] of courses) {
    if (!random.chance(course.startsWith('Safeguarding') ? 0.95 : 0.3)) continue;
    const done = Math.max(started, asAt - random.int(30, 900));
    addRow(rows, 'training_records', {
      council_id: council.id,
      id: random.uuid(millisecondsOf(done)),
      worker_id: worker.id,
      course,
      completed_on: isoOf(done),
      expires_on: years === null ? null : isoOf(addYears(done, years)),
    });
  }
}

function addPerson(council: Council, rows: Rows, team: Row, started: Day, random: Random, extra: Row): Row {
  const { givenName, familyName } = staffName(random);
  const role = team.kind === 'care-experienced' ? 'personal-adviser' : 'social-worker';
  const worker = addRow(rows, 'workers', {
    council_id: council.id,
    id: random.uuid(millisecondsOf(started)),
    given_name: givenName,
    family_name: familyName,
    role,
    contract: 'permanent',
    fte: '1.00',
    started_on: isoOf(started),
    left_on: null,
    version: 1,
    created_at: instantOf(Math.min(started, council.asAt)),
    social_work_england_number:
      role === 'social-worker' ? `SW${String(500_000 + rows.workers!.length)}` : null,
    ...extra,
  });
  describeWorker(council, rows, worker, random);
  return worker;
}

/** Someone who left the team on `left`, for a reason: their id and first day. */
function addLeaver(council: Council, rows: Rows, team: Row, left: Day, random: Random) {
  const started = left - random.int(400, 3000);
  const worker = addPerson(council, rows, team, started, random, {
    left_on: isoOf(left),
    leaving_reason: random.weighted(reasons),
    contract: random.chance(0.1) ? 'fixed-term' : 'permanent',
  });
  addMember(council, rows, team, worker.id as string, started, left, random);
  return { id: worker.id as string, startedOn: isoOf(started) };
}

/**
 * An agency social worker covering a vacant post from `from` until `to` (still covering when null), who then
 * holds cases as the starters do.
 */
function addAgencyCover(
  council: Council,
  rows: Rows,
  staff: Staff,
  team: Row,
  from: Day,
  to: Day | null,
  random: Random,
  holdPost: (workerId: string) => void,
): void {
  const worker = addPerson(council, rows, team, from, random, {
    contract: 'agency',
    left_on: to === null ? null : isoOf(to),
    leaving_reason: to === null ? null : 'end-of-contract',
  });
  const id = worker.id as string;
  addMember(council, rows, team, id, from, to, random);
  holdPost(id);
  const kind = team.kind as keyof Staff['byKind'];
  if (to === null)
    staff.byKind[kind]?.push({
      id,
      role: worker.role as string,
      teamId: team.id as string,
      kind,
      capacity: (team.caseload_target as number | null) ?? 0,
      load: 0,
      startedOn: from,
    });
}

/** Someone who joined the team on `started` and holds cases now; a newly qualified one in their ASYE. */
function addStarter(
  council: Council,
  rows: Rows,
  staff: Staff,
  team: Row,
  started: Day,
  random: Random,
): string {
  const newlyQualified = random.chance(0.35);
  const worker = addPerson(council, rows, team, started, random, {
    asye_started_on: newlyQualified ? isoOf(started) : null,
    asye_completed_on: newlyQualified && started < council.asAt - 380 ? isoOf(addYears(started, 1)) : null,
  });
  addMember(council, rows, team, worker.id as string, started, null, random);
  const kind = team.kind as keyof Staff['byKind'];
  staff.byKind[kind]?.push({
    id: worker.id as string,
    role: worker.role as string,
    teamId: team.id as string,
    kind,
    capacity: ((team.caseload_target as number | null) ?? 0) * (newlyQualified ? 0.8 : 1),
    load: 0,
    startedOn: started,
  });
  return worker.id as string;
}

function addMember(
  council: Council,
  rows: Rows,
  team: Row,
  workerId: string,
  from: Day,
  to: Day | null,
  random: Random,
) {
  addRow(rows, 'team_memberships', {
    council_id: council.id,
    id: random.uuid(millisecondsOf(from)),
    team_id: team.id,
    worker_id: workerId,
    manages: false,
    from_date: isoOf(from),
    to_date: to === null ? null : isoOf(to),
  });
}

/** Monthly one-to-ones with the team's manager over the last six months: most on time, some late, a few missed. */
function addSupervision(
  council: Council,
  rows: Rows,
  team: Row,
  members: readonly Row[],
  random: Random,
): void {
  const manager = rows.team_memberships!.find(
    (membership) => membership.team_id === team.id && membership.manages,
  );
  if (!manager) return;
  for (const member of members) {
    if (member.id === manager.worker_id || member.contract === 'student') continue;
    const started = dayOf(member.started_on as string);
    let held = council.asAt - 190 + random.int(0, 20);
    while (held < council.asAt) {
      if (held > started && random.chance(0.95)) {
        const day = onWorkingDay(held);
        if (day >= council.asAt) break;
        addRow(rows, 'supervisions', {
          council_id: council.id,
          id: random.uuid(millisecondsOf(day)),
          kind: 'one-to-one',
          held_on: isoOf(day),
          minutes: random.pick([60, 75, 90]),
          supervisor_id: manager.worker_id,
          supervisee_id: member.id,
          wellbeing: null,
          workload: 'Caseload reviewed against the team’s target.',
          learning: null,
          recorded_by: manager.worker_id,
          created_at: instantOf(day, 16 * 60),
        });
      }
      // Mostly monthly; about one in six is a week or two late.
      held = addMonths(held, 1) + (random.chance(0.17) ? random.int(7, 16) : random.int(-3, 2));
    }
  }
}

/** Social workers recruited from abroad this year, in their induction, in the teams with most children. */
function addInternationalRecruits(council: Council, rows: Rows, staff: Staff, random: Random): void {
  const teams = rows.teams!.filter(
    (team) => team.kind === 'children-in-care' || team.kind === 'child-in-need',
  );
  const count = Math.max(2, Math.round(council.population / 60_000));
  for (let number = 0; number < count && teams.length; number++) {
    const team = random.pick(teams);
    const started = council.asAt - random.int(30, 250);
    const id = addStarter(council, rows, staff, team, started, random);
    const worker = rows.workers!.find((each) => each.id === id)!;
    worker.recruited_from = random.pick(['South Africa', 'Zimbabwe', 'India', 'the United States']);
    worker.induction_started_on = isoOf(started);
    const done = Math.min(inductionSteps.length - 1, Math.floor((council.asAt - started) / 35) + 1);
    inductionSteps.slice(0, done).forEach((step, index) =>
      addRow(rows, 'induction_steps', {
        council_id: council.id,
        id: random.uuid(millisecondsOf(started)),
        worker_id: id,
        step,
        completed_on: isoOf(Math.min(council.asAt - 1, started + index * 30 + random.int(0, 10))),
      }),
    );
  }
}

/** Each student on placement has a practice educator: an experienced social worker of their team. */
function addStudentsEducators(rows: Rows, random: Random): void {
  const teamOf = new Map(
    rows.team_memberships!.map((membership) => [membership.worker_id, membership.team_id]),
  );
  const workers = rows.workers!;
  for (const student of workers.filter((worker) => worker.contract === 'student' && !worker.left_on)) {
    const educators = workers.filter(
      (worker) =>
        teamOf.get(worker.id) === teamOf.get(student.id) &&
        !worker.left_on &&
        (worker.job === 'senior-practitioner' ||
          worker.job === 'advanced-practitioner' ||
          worker.job === 'social-worker') &&
        worker.contract === 'permanent',
    );
    if (educators.length) student.practice_educator_id = random.pick(educators).id;
  }
}
