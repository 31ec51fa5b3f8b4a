/**
 * Demo council benchmark (issue 7): generates each size into each engine and prints the time taken, the records
 * written and the size of the database, then the rates counted on it against the national figures. Never
 * pass/fail. PostgreSQL databases are created (and dropped afterwards) on the server named by the URL.
 *
 *   node bench/demo.ts [sizes=small,medium,large] [engines=pglite,postgres] [postgres-url=postgres://postgres@127.0.0.1:5432/postgres]
 */
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { demoSizes, type DemoSize } from '../src/demo/context.ts';
import { loadDemoCouncil } from '../src/demo/generate.ts';
import { measureRates } from '../src/demo/measure.ts';
import { targets } from '../src/demo/rates.ts';

const sizes = (process.argv[2] ?? 'small,medium,large').split(',') as DemoSize[];
const engines = (process.argv[3] ?? 'pglite,postgres').split(',');
const server = process.argv[4] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const asAt = '2026-03-31';

for (const engine of engines) {
  for (const size of sizes) {
    let url = 'memory://';
    let drop = async () => {};
    if (engine === 'postgres') {
      const name = `hearth_bench_demo_${size}`;
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      const target = new URL(server);
      target.pathname = `/${name}`;
      url = target.toString();
      drop = async () => {
        await admin.query(`drop database ${name}`);
        await admin.end();
      };
    }
    const db = await openDatabase(url);
    await migrate(db);
    const result = await loadDemoCouncil(db, {
      size,
      seed: 1,
      years: 5,
      asAt,
      password: 'hearth-demo-password',
    });
    const bytes = (
      await sql<{ size: number }>`select pg_database_size(current_database())::bigint as size`.execute(db)
    ).rows[0]!.size;
    console.log(
      `${engine.padEnd(8)} ${size.padEnd(6)} ${result.seconds.toFixed(1).padStart(6)} s  ` +
        `${result.children.toLocaleString('en-GB').padStart(8)} children  ${result.rows.toLocaleString('en-GB').padStart(10)} records  ` +
        `${(Number(bytes) / 1024 / 1024).toFixed(0).padStart(5)} MB`,
    );
    if (size === 'medium') {
      const measured = await measureRates(db, result.councilId, asAt, demoSizes[size]);
      for (const [name, value] of Object.entries(measured)) {
        const target = targets[name as keyof typeof targets];
        console.log(
          `    ${name.padEnd(22)} ${value.toFixed(3).padStart(9)}${target === undefined ? '' : `  (target ${target})`}`,
        );
      }
    }
    await db.destroy();
    await drop();
  }
}
