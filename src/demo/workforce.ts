import { hash, type Algorithm } from '@node-rs/argon2';
import { roles, type Role } from '../platform/permissions.ts';
import { addRow, type CaseTeam, type Council, type Rows, type Staff, type Worker } from './context.ts';
import { addYears, instantOf, isoOf, millisecondsOf, type Day } from './days.ts';
import { staffName } from './names.ts';
import type { Random } from './random.ts';
import { signInPeople, starterEmail } from './sign-ins.ts';
import { addWorkforceHistory } from './workforce-history.ts';

/**
 * The council's workforce (DOMAIN.md §4): teams of each kind with the seeds' caseload targets (assessment 25,
 * children in care 18, care experienced 25; the others a common local figure), sized so that caseloads come out
 * near target with some teams over; managers who hold no cases; about 15% agency and locum workers, fixed-term
 * staff and students; their leave and sickness; and (workforce-history.ts) posts, leavers, starters and supervision.
 */
const kinds: readonly {
  kind: CaseTeam;
  name: string;
  target: number | null;
  /** Children this kind of team holds at any time, per 10,000 children (from the figures in rates.ts). */
  per10k: number;
  role: Role;
}[] = [
  { kind: 'mash', name: 'Multi-agency safeguarding hub', target: null, per10k: 0, role: 'social-worker' },
  { kind: 'assessment', name: 'Assessment team', target: 25, per10k: 48, role: 'social-worker' },
  { kind: 'child-in-need', name: 'Child in need team', target: 20, per10k: 85, role: 'social-worker' },
  { kind: 'child-protection', name: 'Child protection team', target: 18, per10k: 40, role: 'social-worker' },
  {
    kind: 'disabled-children',
    name: 'Disabled children’s team',
    target: 20,
    per10k: 50,
    role: 'social-worker',
  },
  { kind: 'children-in-care', name: 'Children in care team', target: 18, per10k: 70, role: 'social-worker' },
  {
    kind: 'care-experienced',
    name: 'Care experienced team',
    target: 25,
    per10k: 45,
    role: 'personal-adviser',
  },
];

const ARGON2ID = 2 as Algorithm;

/** The demo password's hash for one sign-in, salted from the seed so the council is the same on every run. */
function passwordHash(password: string, random: Random): Promise<string> {
  const salt = new Uint8Array(16);
  for (let index = 0; index < 16; index++) salt[index] = random.int(0, 255);
  return hash(password, { algorithm: ARGON2ID, salt });
}

export async function generateWorkforce(council: Council, rows: Rows, password: string): Promise<Staff> {
  const random = council.random.fork('workforce');
  const { asAt } = council;
  const staff: Staff = {
    byKind: {
      mash: [],
      assessment: [],
      'child-in-need': [],
      'child-protection': [],
      'disabled-children': [],
      'children-in-care': [],
      'care-experienced': [],
    },
    reviewingOfficers: [],
    managerOf: new Map(),
    coverRandom: random.fork('cover'),
  };
  const absenceRandom = random.fork('absences');
  const longAgo = addYears(council.windowStart, -1);

  // Social Work England numbers for the social workers and their managers (SSDA903 SW_ID), in order of making.
  let registered = 0;
  const registration = (role: Role) =>
    role === 'social-worker' || role === 'team-manager' ? `SW${String(100_000 + ++registered)}` : null;
  const addWorker = (
    role: Role,
    options: { contract?: string; fte?: number; startedOn?: Day; name?: readonly [string, string] } = {},
  ): string => {
    const startedOn = options.startedOn ?? longAgo - random.int(0, 3650);
    const [givenName, familyName] = options.name ?? Object.values(staffName(random));
    const id = random.uuid(millisecondsOf(startedOn));
    addRow(rows, 'workers', {
      council_id: council.id,
      id,
      given_name: givenName,
      family_name: familyName,
      role,
      contract: options.contract ?? 'permanent',
      fte: (options.fte ?? 1).toFixed(2),
      started_on: isoOf(startedOn),
      left_on: null,
      version: 1,
      created_at: instantOf(startedOn),
      social_work_england_number: registration(role),
    });
    return id;
  };
  const addMembership = (teamId: string, workerId: string, manages: boolean, from: Day) =>
    addRow(rows, 'team_memberships', {
      council_id: council.id,
      id: random.uuid(millisecondsOf(from)),
      team_id: teamId,
      worker_id: workerId,
      manages,
      from_date: isoOf(from),
      to_date: null,
    });

  const signIns: Partial<Record<Role, string>> = {};
  const teamCreated = addYears(council.windowStart, -2);
  for (const { kind, name, target, per10k, role } of kinds) {
    const expected = (per10k * council.population) / 10_000;
    const workers = target
      ? Math.max(2, Math.ceil(expected / (target * 0.97)))
      : Math.max(2, Math.ceil(council.population / 15_000));
    const teamCount = Math.max(1, Math.ceil(workers / 7));
    for (let number = 1; number <= teamCount; number++) {
      const teamId = random.uuid(millisecondsOf(teamCreated));
      addRow(rows, 'teams', {
        council_id: council.id,
        id: teamId,
        name: teamCount === 1 ? name : `${name} ${number}`,
        kind,
        caseload_target: target,
        version: 1,
        created_at: instantOf(teamCreated),
      });
      const firstTeam = kind === 'assessment' && number === 1;
      const managerId = addWorker('team-manager', firstTeam ? { name: signInPeople['team-manager'] } : {});
      if (firstTeam) signIns['team-manager'] = managerId;
      addMembership(teamId, managerId, true, teamCreated);
      staff.managerOf.set(teamId, managerId);
      // About a quarter of teams carry more than their target.
      const pressure = random.chance(0.25) ? 1.12 + random.next() * 0.2 : 0.85 + random.next() * 0.15;
      const members = Math.ceil(workers / teamCount);
      for (let member = 0; member < members; member++) {
        // About one team in two has a student on placement; of the others, about a quarter agency and
        // locum (with the agency cover of vacant posts, the DfE workforce census's agency rate of about 16%), a few locums and fixed-term staff.
        const contract =
          member === members - 1 && members > 2 && random.chance(0.5)
            ? 'student'
            : random.weighted([
                ['permanent', 70],
                ['agency', 21],
                ['locum', 4],
                ['fixed-term', 5],
              ] as const);
        const fte = contract === 'permanent' && random.chance(0.2) ? random.pick([0.6, 0.8]) : 1;
        const recent = contract === 'agency' || contract === 'locum' || contract === 'student';
        const startedOn = recent ? asAt - random.int(20, 700) : undefined;
        const isSignIn =
          member === 0 && number === 1 && (kind === 'assessment' || kind === 'care-experienced');
        const workerId = addWorker(role, {
          contract: isSignIn ? 'permanent' : contract,
          fte: isSignIn ? 1 : fte,
          startedOn: isSignIn ? undefined : startedOn,
          name: isSignIn ? signInPeople[role] : undefined,
        });
        if (isSignIn) signIns[role] = workerId;
        addMembership(teamId, workerId, false, startedOn ?? teamCreated);
        // The people who sign in to the demo are at work; anyone else may be away.
        const awayFrom = isSignIn
          ? undefined
          : addAbsences(rows, council, absenceRandom, workerId, startedOn ?? longAgo, managerId);
        // A social work student works with children under a practice educator but is never their allocated
        // social worker: a student is not registered with Social Work England, and the SSDA903 asks the
        // allocated worker's registration number (SW_ID, SW01bSTG1).
        if (contract === 'student' && !isSignIn) continue;
        const worker: Worker = {
          id: workerId,
          role,
          teamId,
          kind,
          capacity: (target ?? 0) * fte * pressure,
          load: 0,
          startedOn: startedOn ?? longAgo,
          awayFrom,
        };
        staff.byKind[kind].push(worker);
      }
    }
  }

  // Reviewing officers hold about 60 looked after children each; they belong to no case-holding team.
  const officers = Math.max(1, Math.round((70 * council.population) / 10_000 / 60));
  for (let number = 0; number < officers; number++) {
    const id = addWorker(
      'independent-reviewing-officer',
      number === 0 ? { name: signInPeople['independent-reviewing-officer'] } : {},
    );
    if (number === 0) signIns['independent-reviewing-officer'] = id;
    staff.reviewingOfficers.push({
      id,
      role: 'independent-reviewing-officer',
      teamId: null,
      kind: null,
      capacity: 60,
      load: 0,
      startedOn: longAgo,
    });
  }
  for (const role of [
    'service-manager',
    'director',
    'performance-analyst',
    'auditor',
    'administrator',
  ] as const) {
    const count = role === 'director' ? 1 : Math.max(1, Math.round(council.population / 40_000));
    for (let number = 0; number < count; number++) {
      const id = addWorker(role, number === 0 ? { name: signInPeople[role] } : {});
      if (number === 0) signIns[role] = id;
    }
  }

  // The workforce's own record (issue 21): on its own stream, so the rest of the council is as it was.
  addWorkforceHistory(council, rows, staff, random.fork('workforce-history'));

  const passwordRandom = random.fork('passwords');
  for (const role of roles) {
    const workerId = signIns[role]!;
    addRow(rows, 'users', {
      council_id: council.id,
      id: random.uuid(millisecondsOf(teamCreated)),
      worker_id: workerId,
      email: starterEmail(role),
      password_hash: await passwordHash(password, passwordRandom),
      failed_sign_ins: 0,
      created_at: instantOf(teamCreated),
    });
  }
  return staff;
}

/**
 * The worker a child is allocated to from a team of `kind`. For the cases open today the least loaded worker
 * for their capacity takes the child, so caseloads come out in proportion to target; earlier (closed) cases go
 * to any worker of the kind who had started by then.
 */
export function allocate(staff: Staff, kind: CaseTeam, random: Random, open: boolean, from: Day): Worker {
  const workers = staff.byKind[kind];
  if (!open) {
    for (let attempt = 0; attempt < 4; attempt++) {
      const worker = random.pick(workers);
      if (worker.startedOn <= from) return worker;
    }
    return workers[0]!;
  }
  let best = workers[0]!;
  let bestRatio = Infinity;
  for (const worker of workers) {
    if (worker.capacity <= 0) continue;
    const ratio = (worker.load + 1) / worker.capacity;
    if (ratio < bestRatio) {
      best = worker;
      bestRatio = ratio;
    }
  }
  best.load++;
  return best;
}

/**
 * A case-holding worker's leave and sickness: some leave taken this year, some booked ahead, and on the as-at day
 * about 6% on annual leave and 4% off sick (half of them with no return date yet). Local authority sickness
 * absence runs at about 4% of days; social work teams report higher. Returns the first day of the absence that
 * covers the as-at day, if there is one. Absences never overlap, as the domain's rule requires.
 */
function addAbsences(
  rows: Rows,
  council: Council,
  random: Random,
  workerId: string,
  startedOn: Day,
  managerId: string,
): Day | undefined {
  const { asAt } = council;
  const absence = (kind: string, from: Day, to: Day | null) =>
    addRow(rows, 'worker_absences', {
      council_id: council.id,
      id: random.uuid(millisecondsOf(Math.min(from, asAt))),
      worker_id: workerId,
      kind,
      from_date: isoOf(from),
      to_date: to === null ? null : isoOf(to),
      recorded_by: managerId,
      created_at: instantOf(Math.min(from, asAt) - 7),
    });
  // Leave taken earlier in the year: ends at least six weeks before the as-at day.
  const past = asAt - random.int(45, 330);
  if (past > startedOn && random.chance(0.6)) absence('annual-leave', past, past + random.int(3, 13));
  let awayFrom: Day | undefined;
  let returns: Day | null = asAt;
  const today = random.next();
  if (today < 0.06) {
    awayFrom = asAt - random.int(0, 6);
    returns = awayFrom + random.int(7, 13);
    if (awayFrom >= startedOn) absence('annual-leave', awayFrom, returns);
  } else if (today < 0.1) {
    awayFrom = asAt - random.int(1, 30);
    returns = random.chance(0.5) ? null : asAt + random.int(3, 20);
    if (awayFrom >= startedOn) absence('sickness', awayFrom, returns);
  }
  if (awayFrom !== undefined && awayFrom < startedOn) [awayFrom, returns] = [undefined, asAt];
  // Leave booked ahead, after any current absence has ended (an open-ended sickness has no end to book after).
  if (returns !== null && random.chance(0.3)) {
    const from = Math.max(returns, asAt) + random.int(25, 120);
    absence('annual-leave', from, from + random.int(2, 10));
  }
  return awayFrom;
}
