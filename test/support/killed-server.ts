import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { engineOf, openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createApiToken } from '../../src/modules/staff/service.ts';
import { allocate, newChild, newCouncil, newTeam, newWorker } from './world.ts';

/**
 * Crash safety (issue 22, part 5): a real `hearth serve` process under write load is killed with SIGKILL at random
 * moments and started again, and afterwards every write it acknowledged must be there exactly once, nothing
 * half-written, and the audit chain must verify. The CI test and `bench/crash.ts` share this.
 */

const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
/** Node's compile cache, shared by the server's lives: each start then loads Hearth's modules a second quicker. */
const compileCache = join(tmpdir(), 'hearth-crash-compile-cache');

/** A database of its own for the killed server on the engine given: a data folder, or a new PostgreSQL database. */
export async function crashDatabase(testUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engineOf(testUrl) === 'pglite') {
    const folder = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
    return {
      url: `pglite://${join(folder, 'db')}`,
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `hearth_crash_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: testUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(testUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export interface CrashWorld {
  councilId: string;
  childId: string;
  token: string;
}

/** Migrates the database and gives it a council with a social worker, her child and an API token. */
export async function prepareCrashWorld(url: string): Promise<CrashWorld> {
  const db = await openDatabase(url);
  try {
    await migrate(db);
    const council = await newCouncil(db, 'Crashshire');
    const team = await newTeam(db, council);
    const worker = await newWorker(db, council, 'social-worker', { team });
    const child = await newChild(db, council);
    await allocate(db, child, worker);
    const { token } = await createApiToken(db, { email: worker.email, name: 'crash load', now: new Date() });
    return { councilId: council.id, childId: child.id, token };
  } finally {
    await db.destroy();
  }
}

interface RunningHearth {
  process: ChildProcess;
  origin: string;
  exited: Promise<unknown>;
}

/** Starts `hearth serve` on the database and resolves once it says where it listens. */
function startHearth(url: string): Promise<RunningHearth> {
  const child = spawn(process.execPath, [main, 'serve'], {
    env: {
      PATH: process.env.PATH,
      HEARTH_DATABASE_URL: url,
      HEARTH_PORT: '0',
      HEARTH_DEMO: 'off',
      HEARTH_LOG_LEVEL: 'silent',
      NODE_COMPILE_CACHE: compileCache,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const origin = /Open (http:\/\/\S+)/.exec(output)?.[1];
      if (origin) resolve({ process: child, origin, exited });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`hearth serve exited before listening:\n${output}`)));
  });
}

/** A small deterministic random source (mulberry32), so a failing run can be repeated from its seed. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CrashFigures {
  seed: number;
  cycles: number;
  /** Notes the server answered 201 for. */
  acknowledged: number;
  /** Notes sent whose answer the kill cut off: each may or may not have been written, but never twice. */
  cutOff: number;
  /** Of those, how many were written. */
  cutOffWritten: number;
  /** Milliseconds from spawning the server to its listening, each life. */
  startMs: number[];
  /** Milliseconds of write load before each kill. */
  loadMs: number[];
  problems: string[];
}

/**
 * Runs `cycles` lives of a server: each starts it, writes case notes from `writers` clients at once, SIGKILLs it
 * at a random moment from 0 to `maxLoadMs` after its first acknowledged write, and waits for it to die. Then
 * checks what the database holds against what was acknowledged, and runs `hearth audit verify`.
 */
export async function crashCycles(options: {
  url: string;
  world: CrashWorld;
  cycles: number;
  seed?: number;
  writers?: number;
  maxLoadMs?: number;
  onCycle?: (cycle: number, acknowledged: number) => void;
}): Promise<CrashFigures> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = randomFrom(seed);
  const acknowledged = new Set<string>();
  const cutOff = new Set<string>();
  const figures: CrashFigures = {
    seed,
    cycles: options.cycles,
    acknowledged: 0,
    cutOff: 0,
    cutOffWritten: 0,
    startMs: [],
    loadMs: [],
    problems: [],
  };
  for (let cycle = 0; cycle < options.cycles; cycle += 1) {
    const started = Date.now();
    const server = await startHearth(options.url);
    figures.startMs.push(Date.now() - started);
    const loadStarted = Date.now();
    let dead = false;
    let firstAcknowledged: () => void = () => undefined;
    const loadIsOn = new Promise<void>((resolve) => (firstAcknowledged = resolve));
    const writer = async (writerNumber: number) => {
      for (let n = 0; !dead; n += 1) {
        const title = `Crash ${cycle}.${writerNumber}.${n}`;
        try {
          const response = await fetch(`${server.origin}/api/children/${options.world.childId}/notes`, {
            method: 'POST',
            headers: { authorization: `Bearer ${options.world.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              kind: 'phone-call',
              occurredOn: '2025-06-03',
              title,
              body: `Written under load before a kill. ${'Attendance is improving. '.repeat(20)}`,
            }),
          });
          if (response.status !== 201) {
            figures.problems.push(`${title} was answered ${response.status}: ${await response.text()}`);
            return;
          }
          acknowledged.add(title);
          firstAcknowledged();
        } catch {
          cutOff.add(title);
          return;
        }
      }
    };
    const writing = Promise.all(Array.from({ length: options.writers ?? 4 }, (_, i) => writer(i)));
    await loadIsOn;
    await new Promise((resolve) => setTimeout(resolve, random() * (options.maxLoadMs ?? 300)));
    server.process.kill('SIGKILL');
    await server.exited;
    dead = true;
    figures.loadMs.push(Date.now() - loadStarted);
    await writing;
    options.onCycle?.(cycle, acknowledged.size);
  }
  figures.acknowledged = acknowledged.size;
  figures.cutOff = cutOff.size;
  const db = await openDatabase(options.url);
  try {
    await checkWrites(db, options.world, acknowledged, cutOff, figures);
  } finally {
    await db.destroy();
  }
  const verify = spawnSync(
    process.execPath,
    [main, 'audit', 'verify', '--council', options.world.councilId],
    {
      env: { PATH: process.env.PATH, HEARTH_DATABASE_URL: options.url, HEARTH_LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (verify.status !== 0 || !/intact/.test(verify.stdout)) {
    figures.problems.push(`hearth audit verify: ${verify.status} ${verify.stdout}${verify.stderr}`);
  }
  return figures;
}

/**
 * Each acknowledged note is there once; a cut-off note at most once; no note Hearth was not sent; every note has
 * its link to the child and its audit entry (nothing half-written).
 */
async function checkWrites(
  db: Database,
  world: CrashWorld,
  acknowledged: Set<string>,
  cutOff: Set<string>,
  figures: CrashFigures,
): Promise<void> {
  const notes = await db
    .selectFrom('case_notes')
    .select(['id', 'title'])
    .where('council_id', '=', world.councilId)
    .execute();
  const copies = new Map<string, number>();
  for (const note of notes) copies.set(note.title, (copies.get(note.title) ?? 0) + 1);
  for (const title of acknowledged) {
    if (copies.get(title) !== 1)
      figures.problems.push(`${title}: acknowledged, found ${copies.get(title) ?? 0}`);
  }
  for (const title of cutOff) {
    const found = copies.get(title) ?? 0;
    if (found > 1) figures.problems.push(`${title}: cut off, found ${found} times`);
    figures.cutOffWritten += found;
  }
  for (const title of copies.keys()) {
    if (!acknowledged.has(title) && !cutOff.has(title)) figures.problems.push(`${title}: never sent`);
  }
  const links = await db
    .selectFrom('case_note_children')
    .select(['note_id', sql<number>`count(*)`.as('links')])
    .where('council_id', '=', world.councilId)
    .where('child_id', '=', world.childId)
    .groupBy('note_id')
    .execute();
  const audited = await db
    .selectFrom('audit_log')
    .select(sql<string>`details->>'noteId'`.as('noteId'))
    .where('council_id', '=', world.councilId)
    .where('action', '=', 'casenote.recorded')
    .execute();
  const linkCount = new Map(links.map((link) => [link.note_id, link.links]));
  const auditCount = new Map<string, number>();
  for (const entry of audited) auditCount.set(entry.noteId, (auditCount.get(entry.noteId) ?? 0) + 1);
  for (const note of notes) {
    if (linkCount.get(note.id) !== 1)
      figures.problems.push(`${note.title}: ${linkCount.get(note.id) ?? 0} links`);
    if (auditCount.get(note.id) !== 1) {
      figures.problems.push(`${note.title}: ${auditCount.get(note.id) ?? 0} audit entries`);
    }
  }
  if (links.length !== notes.length || audited.length !== notes.length) {
    figures.problems.push(
      `${notes.length} notes, ${links.length} linked, ${audited.length} audit entries: something half-written`,
    );
  }
}
