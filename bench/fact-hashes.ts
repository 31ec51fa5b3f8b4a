/**
 * What hashing each written fact into its change's audit entry costs a write (issue 22 part 2, ADR 17). On a
 * fresh council in the database given (PGlite in memory by default), it makes 2,000 changes of one row each,
 * every one as Hearth makes a change: one transaction that names the actor, updates one person's row (a table of
 * the record, with its history trigger) and appends the change's audit entry. Prints the total time and the time
 * per change; run it on the commit before migration 0086 and on this one to compare. Prints figures; never
 * pass/fail.
 *
 *   node bench/fact-hashes.ts [postgres://…/db | memory://] [changes=2000]
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Actor } from '../src/platform/actor.ts';
import { appendAudit } from '../src/platform/audit.ts';
import { auditSource, withTransaction } from '../src/platform/transactions.ts';

const url = process.argv[2] ?? 'memory://';
const changes = Number(process.argv[3] ?? 2000);
const db = await openDatabase(url);
await migrate(db);

const councilId = uuidv7();
await db.insertInto('councils').values({ id: councilId, name: 'Benchshire' }).execute();
const workerId = uuidv7();
const userId = uuidv7();
await db
  .insertInto('workers')
  .values({
    council_id: councilId,
    id: workerId,
    given_name: 'Sam',
    family_name: 'Bench',
    role: 'social-worker',
  })
  .execute();
await db
  .insertInto('users')
  .values({
    council_id: councilId,
    id: userId,
    worker_id: workerId,
    email: 'bench@council.example',
    password_hash: 'x',
  })
  .execute();
const people = Array.from({ length: 200 }, () => uuidv7());
await db
  .insertInto('people')
  .values(people.map((id) => ({ council_id: councilId, id, given_name: 'Jo', family_name: 'Person' })))
  .execute();

const actorAt = (now: Date): Actor => ({
  councilId,
  userId,
  workerId,
  role: 'social-worker',
  name: 'Sam Bench',
  email: 'bench@council.example',
  sessionId: null,
  ip: '127.0.0.1',
  route: 'bench',
  now,
  today: now.toISOString().slice(0, 10),
});

async function change(index: number) {
  const actor = actorAt(new Date());
  const personId = people[index % people.length]!;
  await withTransaction(db, actor, async (trx) => {
    await trx
      .updateTable('people')
      .set({ phone: `0113 496 ${String(index).padStart(4, '0')}` })
      .where('council_id', '=', councilId)
      .where('id', '=', personId)
      .execute();
    await appendAudit(trx, auditSource(actor), { action: 'child.updated', details: { personId } });
  });
}

// A few first, so that the first plans are not counted.
for (let index = 0; index < 20; index += 1) await change(index);
const started = performance.now();
for (let index = 0; index < changes; index += 1) await change(changes + index);
const seconds = (performance.now() - started) / 1000;
console.log(
  `${changes} changes of one row: ${seconds.toFixed(2)} s, ${((seconds * 1000) / changes).toFixed(2)} ms each (${url.split('/').at(-1)})`,
);

/**
 * The trigger's own cost, without the round trips whose noise hides it on a loaded machine: the same updates in
 * one statement, with the actor named (each version hashed for the audit entry) and without (history kept only).
 */
async function inTheDatabase(named: boolean) {
  const begun = performance.now();
  await db.transaction().execute(async (trx) => {
    if (named) await sql`select set_config('hearth.now', ${new Date().toISOString()}, true)`.execute(trx);
    await sql`do $$ begin
      for i in 1..${sql.lit(changes)} loop
        update people set phone = 'in the database ' || i where id = (${sql.lit(people[0])}::uuid);
        perform set_config('hearth.written', '', true);
      end loop; end $$`.execute(trx);
  });
  return performance.now() - begun;
}
for (const named of [false, true, false, true, false, true]) {
  const ms = await inTheDatabase(named);
  console.log(
    `${changes} updates in one statement, ${named ? 'each version hashed' : 'history only'}: ${ms.toFixed(0)} ms`,
  );
}
await db.destroy();
