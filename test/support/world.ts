import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { engineOf, openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadTestConfig, type Config } from '../../src/platform/config.ts';
import { buildHearth } from '../../src/app.ts';
import type { Clock, HearthServer } from '../../src/platform/server.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import type { Role } from '../../src/platform/permissions.ts';

/**
 * The test world (STYLE.md rule 9). Integration tests share one migrated database per file, PGlite in memory
 * or the PostgreSQL named by HEARTH_TEST_DATABASE_URL, and isolate themselves by making a fresh council
 * rather than by cleaning tables.
 */
export const testDatabaseUrl = process.env.HEARTH_TEST_DATABASE_URL || 'memory://';
export const testEngine = engineOf(testDatabaseUrl)!;

let shared: Promise<Database> | undefined;
let users = 0;

/**
 * The migrated database this test file shares. Each describe block that asks for it holds it until its own
 * tests end, and the last one closes it (Vitest collects every block before it runs any).
 */
export function testDatabase(): Promise<Database> {
  shared ??= openDatabase(testDatabaseUrl, { snapshot: migratedSnapshot() }).then(async (db) => {
    await migrate(db);
    return db;
  });
  users += 1;
  afterAll(async () => {
    users -= 1;
    if (users === 0) {
      const closing = shared;
      shared = undefined;
      await (await closing)?.destroy();
    }
  });
  return shared;
}

/** The migrated embedded database the global set-up made for this run (test/support/snapshot.ts), if any. */
function migratedSnapshot(): Blob | undefined {
  const file = inject('migratedSnapshot');
  return file ? new Blob([readFileSync(file)]) : undefined;
}

/**
 * An empty database of its own, for tests that change the schema itself (migrations). On PostgreSQL a new
 * database is created on the same server and dropped by `close`.
 */
export async function freshDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const db = await openDatabase('memory://');
    return { db, close: () => db.destroy() };
  }
  const name = `hearth_fresh_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  return {
    db,
    close: async () => {
      await db.destroy();
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

export interface TestCouncil {
  id: string;
  name: string;
}

/** A council of its own for one test. */
export async function newCouncil(db: Database, name = 'Testshire'): Promise<TestCouncil> {
  const id = uuidv7();
  await db.insertInto('councils').values({ id, name }).execute();
  return { id, name };
}

/** A server over the shared test database, closed after the file's tests. */
export async function testServer(
  options: { config?: Partial<Config>; clock?: Clock } = {},
): Promise<{ app: HearthServer; db: Database }> {
  const db = await testDatabase();
  const app = await buildHearth({ config: loadTestConfig(options.config), db, clock: options.clock });
  await app.ready();
  afterAll(() => app.close());
  return { app, db };
}

// ---- The organisation: builders in the domain's words (STYLE.md rule 10) ----

export const testPassword = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

export async function newTeam(
  db: Database,
  council: TestCouncil,
  options: { kind?: string; name?: string; caseloadTarget?: number } = {},
): Promise<{ id: string; name: string }> {
  const id = uuidv7();
  const name = options.name ?? `${options.kind ?? 'assessment'} team ${id.slice(-6)}`;
  await db
    .insertInto('teams')
    .values({
      council_id: council.id,
      id,
      name,
      kind: options.kind ?? 'assessment',
      caseload_target: options.caseloadTarget ?? 20,
    })
    .execute();
  return { id, name };
}

export interface TestWorker {
  workerId: string;
  userId: string;
  email: string;
  role: Role;
  council: TestCouncil;
}

/** A worker with a sign-in, in a team from 2020 if one is given. */
export async function newWorker(
  db: Database,
  council: TestCouncil,
  role: Role,
  options: { team?: { id: string }; manages?: boolean; givenName?: string } = {},
): Promise<TestWorker> {
  testPasswordHash ??= hashPassword(testPassword);
  const workerId = uuidv7();
  const userId = uuidv7();
  const email = `${role}.${workerId.slice(-12)}@council.example`;
  await db
    .insertInto('workers')
    .values({
      council_id: council.id,
      id: workerId,
      given_name: options.givenName ?? 'Sam',
      family_name: role,
      role,
    })
    .execute();
  await db
    .insertInto('users')
    .values({
      council_id: council.id,
      id: userId,
      worker_id: workerId,
      email,
      password_hash: await testPasswordHash,
    })
    .execute();
  if (options.team) {
    await db
      .insertInto('team_memberships')
      .values({
        council_id: council.id,
        id: uuidv7(),
        team_id: options.team.id,
        worker_id: workerId,
        manages: options.manages ?? false,
        from_date: '2020-01-01',
      })
      .execute();
  }
  return { workerId, userId, email, role, council };
}

export interface TestChild {
  id: string;
  localId: string;
  givenName: string;
  familyName: string;
}

/** When the children tests make were first recorded: before any date a test's clock is set to. */
const KNOWN_LONG_AGO = new Date('2000-01-01T00:00:00Z');

export async function newChild(
  db: Database,
  council: TestCouncil,
  options: {
    givenName?: string;
    familyName?: string;
    dateOfBirth?: string;
    restrictedTo?: TestWorker[];
  } = {},
): Promise<TestChild> {
  const id = uuidv7();
  const child = {
    id,
    localId: `C${id.slice(-8)}`,
    givenName: options.givenName ?? 'Alex',
    familyName: options.familyName ?? 'Taylor',
  };
  await db
    .insertInto('children')
    .values({
      council_id: council.id,
      id,
      local_id: child.localId,
      given_name: child.givenName,
      family_name: child.familyName,
      date_of_birth: options.dateOfBirth ?? '2015-03-27',
      restricted: options.restrictedTo !== undefined,
      // Known to Hearth before any time a test's clock is set to, as a child registered long ago.
      recorded_at: KNOWN_LONG_AGO,
    })
    .execute();
  for (const worker of options.restrictedTo ?? []) {
    await db
      .insertInto('child_access_lists')
      .values({ council_id: council.id, child_id: id, worker_id: worker.workerId })
      .execute();
  }
  return child;
}

/** Allocates a child to a worker from 2020 (or the dates given). */
export async function allocate(
  db: Database,
  child: TestChild,
  worker: TestWorker,
  options: { caseRole?: string; from?: string; to?: string } = {},
): Promise<void> {
  await db
    .insertInto('allocations')
    .values({
      council_id: worker.council.id,
      id: uuidv7(),
      child_id: child.id,
      worker_id: worker.workerId,
      case_role: options.caseRole ?? 'allocated-worker',
      from_date: options.from ?? '2020-01-01',
      to_date: options.to ?? null,
    })
    .execute();
}

export async function addToAuditSample(
  db: Database,
  auditor: TestWorker,
  children: TestChild[],
): Promise<void> {
  const sampleId = uuidv7();
  await db
    .insertInto('audit_samples')
    .values({ council_id: auditor.council.id, id: sampleId, auditor_id: auditor.workerId, name: 'Sample' })
    .execute();
  for (const child of children) {
    await db
      .insertInto('audit_sample_children')
      .values({ council_id: auditor.council.id, sample_id: sampleId, child_id: child.id })
      .execute();
  }
}

// ---- A browser-like session over `inject`: cookies kept, CSRF token read from the pages ----

export interface TestResponse {
  statusCode: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  json: () => any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class TestBrowser {
  readonly app: HearthServer;
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(app: HearthServer) {
    this.app = app;
  }

  async request(options: {
    method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
    url: string;
    form?: Record<string, string>;
    json?: unknown;
    csrf?: boolean;
  }): Promise<TestResponse> {
    const method = options.method ?? (options.form ? 'POST' : 'GET');
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers: Record<string, string> = cookie ? { cookie } : {};
    let payload: string | undefined;
    if (options.form) {
      const fields = options.csrf === false ? options.form : { _csrf: this.csrfToken, ...options.form };
      payload = new URLSearchParams(fields).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.json !== undefined) {
      payload = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
      if (options.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    }
    const response = await this.app.inject({ method, url: options.url, headers, payload });
    for (const set of response.cookies) {
      if (set.maxAge === 0 || (set.expires && set.expires.getTime() < Date.now()))
        this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }

  get(url: string) {
    return this.request({ url });
  }

  post(url: string, form: Record<string, string>) {
    return this.request({ method: 'POST', url, form });
  }
}

/** A browser session signed in as the worker (through the real sign-in form). */
export async function signedInAs(app: HearthServer, worker: TestWorker): Promise<TestBrowser> {
  const browser = new TestBrowser(app);
  await browser.get('/sign-in');
  const response = await browser.post('/sign-in', { email: worker.email, password: testPassword });
  if (response.statusCode !== 303)
    throw new Error(`Sign-in failed for ${worker.email}: ${response.statusCode}`);
  await browser.get('/home');
  return browser;
}

/** A date as a GOV.UK date input posts it: three boxes named `<name>-day`, `-month` and `-year`. */
export function dateBoxes(name: string, date: string): Record<string, string> {
  const [year, month, day] = date.split('-') as [string, string, string];
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
}

/** Posts a multipart form to `url` as a browser would, with the page's CSRF token unless told otherwise. */
export async function postFiles(
  browser: TestBrowser,
  url: string,
  fields: Record<string, string>,
  files: Array<{ name: string; content: string | Uint8Array; field?: string }>,
  csrf = true,
) {
  const form = new FormData();
  if (csrf) form.append('_csrf', browser.csrfToken);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(
      file.field ?? 'files',
      new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]),
      file.name,
    );
  }
  const request = new Request('http://hearth.test/', { method: 'POST', body: form });
  const cookie = [...browser.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return browser.app.inject({
    method: 'POST',
    url,
    headers: { cookie, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
}
