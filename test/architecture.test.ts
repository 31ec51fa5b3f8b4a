import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layout rules of DESIGN.md, checked on every file of src/ (STYLE.md rule 14: architecture rules are
 * executable). ESLint already stops src/domain from importing the rest of src/ and a module from importing
 * another module's queries.ts; this test states every rule in one place and also covers what ESLint's patterns
 * do not. Tests (`*.test.ts`) are exempt from every rule here, and bench/ is not under src/.
 */
const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/**
 * Files that may hold SQL although they are not queries files, each with its reason. Keep this list short: a new
 * entry needs a reason a reviewer would accept.
 */
const sqlExceptions: Record<string, string> = {
  'src/demo/write.ts': 'the demo loader: bulk inserts table by table, a loader like src/db/',
  'src/demo/dump.ts': 'the demo loader: reads every table whole for the determinism digest',
  'src/demo/measure.ts': "the demo loader: counts the generated council's rates for the realism test",
};

/** SQL may live in queries files (`queries.ts`, or `<concern>-queries.ts` in src/platform) and in src/db/. */
function maySql(file: string): boolean {
  const name = basename(file);
  return (
    name === 'queries.ts' ||
    name.endsWith('-queries.ts') ||
    file.startsWith('src/db/') ||
    Object.keys(sqlExceptions).some((exception) => file.startsWith(exception))
  );
}

/** Kysely query builder calls and `sql` templates (with or without a row type) found in a file's text. */
export function sqlIn(source: string): string[] {
  const pattern = /\.(?:selectFrom|insertInto|updateTable|deleteFrom|selectNoFrom)\(|\bsql\s*(?:<[^`]*?>)?`/g;
  return [...source.matchAll(pattern)].map((match) => match[0].replace(/\s+/g, ' '));
}

/** The modules a file imports or re-exports, statically or dynamically, as written. */
export function importsOf(source: string): string[] {
  const pattern = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2]!);
}

/** Where an import leads, relative to the repository (`src/modules/care/service.ts`), or undefined for a package. */
function target(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(root, resolve(root, dirname(file), specifier));
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

const files = sourceFiles(src).map((file) => ({ file, source: readFileSync(join(root, file), 'utf8') }));

/** Each `file → import` of the files under `from` whose import leads somewhere `allowed` says no to. */
function importsBreaking(from: string, allowed: (to: string) => boolean): string[] {
  return files
    .filter(({ file }) => file.startsWith(from))
    .flatMap(({ file, source }) =>
      importsOf(source)
        .map((specifier) => target(file, specifier))
        .filter((to): to is string => to !== undefined && !allowed(to))
        .map((to) => `${file} → ${to}`),
    );
}

describe('the architecture (DESIGN.md, Layout)', () => {
  it('keeps SQL in queries files and src/db/', () => {
    const misplaced = files
      .filter(({ file }) => !maySql(file))
      .flatMap(({ file, source }) => sqlIn(source).map((found) => `${file}: ${found}`));
    expect(misplaced).toEqual([]);
  });

  it('keeps the platform from knowing any feature: nothing under src/platform imports src/modules or src/app.ts', () => {
    expect(
      importsBreaking('src/platform/', (to) => !to.startsWith('src/modules/') && to !== 'src/app.ts'),
    ).toEqual([]);
  });

  it('keeps the domain pure: src/domain imports nothing from outside src/domain', () => {
    expect(importsBreaking('src/domain/', (to) => to.startsWith('src/domain/'))).toEqual([]);
  });

  it("keeps a module's queries its own: no file outside the module imports its queries", () => {
    const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1];
    const queries = (to: string) => /^src\/modules\/[^/]+\/(?:[\w-]+-)?queries\.ts$/.test(to);
    const breaking = files.flatMap(({ file, source }) =>
      importsOf(source)
        .map((specifier) => target(file, specifier))
        .filter((to): to is string => to !== undefined && queries(to) && moduleOf(to) !== moduleOf(file))
        .map((to) => `${file} → ${to}`),
    );
    expect(breaking).toEqual([]);
  });

  it('names only exceptions that exist', () => {
    for (const exception of Object.keys(sqlExceptions)) {
      expect(files.some(({ file }) => file.startsWith(exception))).toBe(true);
    }
  });
});

// The checks above pass only if these detectors see what they look for.
describe('the detectors', () => {
  it.each([
    ['db.selectFrom(', "db.selectFrom('children').selectAll()"],
    ['a chained insertInto', "await trx\n  .insertInto('contacts')\n  .values(contact)"],
    ['updateTable', "db.updateTable('sessions')"],
    ['deleteFrom', "db.deleteFrom('form_stashes')"],
    ['selectNoFrom', 'db.selectNoFrom((eb) => eb.val(1))'],
    ['a sql template', 'await sql`select 1`.execute(db)'],
    ['a typed sql template', 'sql<{ version: string }>`select version()`'],
    ['a typed sql template over lines', 'sql<{\n  row: unknown;\n}>`select to_jsonb(t) from t`'],
  ])('finds SQL: %s', (_, source) => {
    expect(sqlIn(source)).toHaveLength(1);
  });

  it.each([
    ['a call of a query function', 'await insertContact(trx, contact)'],
    ['a word that contains sql', "const mysql = 'x'; const sqlite = `y`;"],
    ['an import of kysely', "import { sql, type Kysely } from 'kysely';"],
  ])('finds no SQL in %s', (_, source) => {
    expect(sqlIn(source)).toEqual([]);
  });

  it('reads static, type-only, multi-line, re-exported and dynamic imports', () => {
    const source = [
      "import { a } from '../modules/care/service.ts';",
      "import type { B } from './b.ts';",
      "import {\n  c,\n  d,\n} from '../db/c.ts';",
      "export { e } from './e.ts';",
      "const f = await import('../modules/f/routes.ts');",
      "import 'node:fs';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      '../modules/care/service.ts',
      './b.ts',
      '../db/c.ts',
      './e.ts',
      '../modules/f/routes.ts',
    ]);
  });
});

const eslint = new ESLint();

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

// DESIGN.md: `domain/` imports nothing from the rest of `src/`; a module may call another module's service,
// never its queries. These rules are enforced by lint; this test shows the lint really refuses them.
describe('architecture rules in lint', () => {
  it.each([
    ['src/domain/calendar/working-days.ts', "import { openDatabase } from '../../db/database.ts';"],
    ['src/domain/timescales/rules.ts', "import { access } from '../../platform/route-table.ts';"],
    ['src/domain/calendar/working-days.ts', "import { readFileSync } from 'node:fs';"],
    ['src/domain/returns/read.ts', "import { Kysely } from 'kysely';"],
    ['src/modules/referrals/service.ts', "import { findChild } from '../children/queries.ts';"],
  ])('refuses, in %s: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\n`)).toHaveLength(1);
  });

  it.each([
    ['src/domain/timescales/rules.ts', "import { addWorkingDays } from '../calendar/working-days.ts';"],
    ['src/modules/referrals/service.ts', "import { findChild } from '../children/service.ts';"],
    ['src/modules/referrals/service.ts', "import { referralRows } from './queries.ts';"],
  ])('allows, in %s: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\n`)).toEqual([]);
  });
});
