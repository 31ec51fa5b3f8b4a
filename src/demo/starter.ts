import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';
import { londonDate } from '../platform/actor.ts';
import { roles, type Role } from '../platform/permissions.ts';
import { addTeam, addUser } from '../modules/staff/service.ts';

/** The starter council's sign-ins: one per role, all with the demo password. */
export function starterEmail(role: Role): string {
  return `${role}@hearthshire.example`;
}

const people: Record<Role, [string, string]> = {
  'social-worker': ['Amara', 'Okafor'],
  'personal-adviser': ['Tomasz', 'Nowak'],
  'team-manager': ['Priya', 'Shah'],
  'independent-reviewing-officer': ['Gareth', 'Evans'],
  'service-manager': ['Siobhan', 'Byrne'],
  director: ['Michael', 'Adeyemi'],
  'performance-analyst': ['Hannah', 'Clarke'],
  auditor: ['Yusuf', 'Rahman'],
  administrator: ['Claire', 'Bennett'],
};

const children: Array<[string, string, string]> = [
  ['Leo', 'Marsh', '2014-06-02'],
  ['Ava', 'Marsh', '2017-01-19'],
  ['Zainab', 'Hussain', '2011-11-30'],
  ['Kacper', 'Wisniewski', '2009-04-15'],
  ['Grace', 'Osei', '2020-08-08'],
];

/**
 * Gives an empty database a small fictional council, so that a first start has people to sign in as and
 * children to open. Returns the council's id, or undefined when the database already held a council.
 * (The full synthetic council at three sizes is `hearth demo`.)
 */
export async function ensureStarterCouncil(
  db: Database,
  password: string,
  now = new Date(),
): Promise<string | undefined> {
  const existing = await db.selectFrom('councils').select('id').limit(1).executeTakeFirst();
  if (existing) return undefined;
  const councilId = uuidv7();
  const today = londonDate(now);
  await db.insertInto('councils').values({ id: councilId, name: 'Hearthshire (demonstration)' }).execute();
  const assessment = await addTeam(db, {
    councilId,
    name: 'Assessment team',
    kind: 'assessment',
    caseloadTarget: 25,
    now,
  });
  const workers = {} as Record<Role, string>;
  for (const role of roles) {
    const [givenName, familyName] = people[role];
    const inTeam = ['social-worker', 'team-manager'].includes(role);
    const added = await addUser(db, {
      councilId,
      email: starterEmail(role),
      password,
      givenName,
      familyName,
      role,
      teamId: inTeam ? assessment : undefined,
      manages: role === 'team-manager',
      today,
      now,
    });
    workers[role] = added.workerId;
  }
  for (const [index, [givenName, familyName, dateOfBirth]] of children.entries()) {
    const childId = uuidv7();
    await db
      .insertInto('children')
      .values({
        council_id: councilId,
        id: childId,
        local_id: `HS${String(1001 + index)}`,
        given_name: givenName,
        family_name: familyName,
        date_of_birth: dateOfBirth,
      })
      .execute();
    await db
      .insertInto('allocations')
      .values({
        council_id: councilId,
        id: uuidv7(),
        child_id: childId,
        worker_id: workers['social-worker'],
        case_role: 'allocated-worker',
        from_date: today,
      })
      .execute();
  }
  return councilId;
}
