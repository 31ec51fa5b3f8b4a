/**
 * Validation benchmark (issue 9 part 5). Writes seeded synthetic SSDA903 returns (300, 1,200 and
 * 3,000 children looked after, and last year's for the 3,000) and CIN census messages (1,000, 5,000
 * and 30,000 children) to a temporary folder, then times Hearth's validation of each two ways:
 *   - in this process: reading, then the rules, median of three runs, with the heap afterwards;
 *   - as a whole process: `hearth validate … --json`, wall time and peak resident memory from
 *     `/usr/bin/time -v` (wall time only where that is not installed).
 * With the UK postcode directory (--postcodes, by default ../shared/onspd/ where it is), it also times the
 * largest SSDA903 return with last year's and `--la E10000016 --postcodes` as whole processes, the directory
 * streamed (--stream-postcodes, as before issue 18 part 8) and read through its cached index.
 * Prints figures; never pass/fail. The files are left in place for other validators to read.
 *
 *   node bench/validate.ts [--out DIR] [--seed N] [--only ssda903|cin|postcodes] [--runs N] [--postcodes FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCin } from '../src/domain/returns/cin/read.ts';
import { validateCin } from '../src/domain/returns/cin/validate.ts';
import { readSsda903 } from '../src/domain/returns/ssda903/read.ts';
import { validateSsda903 } from '../src/domain/returns/ssda903/validate.ts';
import type { ReturnFile } from '../src/domain/returns/text.ts';
import { generateCin } from './returns/cin.ts';
import { generateSsda903 } from './returns/ssda903.ts';

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: join(tmpdir(), 'hearth-bench-validate') },
    seed: { type: 'string', default: '903' },
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    postcodes: {
      type: 'string',
      default: join(import.meta.dirname, '../../shared/onspd/postcodes-2025-11.csv.gz'),
    },
  },
});
const seed = Number(options.seed);
const runs = Number(options.runs);
const sizes = {
  ssda903: [300, 1_200, 3_000],
  cin: [1_000, 5_000, 30_000],
};

interface Figures {
  readonly name: string;
  readonly children: number;
  readonly findings: number;
  readonly readMs: number;
  readonly rulesMs: number;
  readonly heapMb: number;
  readonly processMs: number;
  readonly peakMb: number | null;
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

/** Runs `hearth validate …` as its own process; wall time and peak resident memory. */
function wholeProcess(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { ms: number; peakMb: number | null } {
  const command = [
    process.execPath,
    // The installed command, as a council runs it: its own entry point, the compile cache and its V8 settings.
    join(import.meta.dirname, '../bin/hearth.js'),
    'validate',
    ...args,
    '--json',
  ];
  const withTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = withTime
    ? spawnSync('/usr/bin/time', ['-v', ...command], { encoding: 'utf8', maxBuffer: 1 << 30, env })
    : spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 30, env });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`hearth validate failed: ${run.stderr}`);
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr ?? '');
  return { ms, peakMb: peak ? Number(peak[1]) / 1024 : null };
}

interface Sample {
  readonly children: number;
  readonly findings: number;
  readonly readMs: number;
  readonly rulesMs: number;
}

function measure(name: string, args: readonly string[], validate: () => Sample): Figures {
  const samples = Array.from({ length: runs }, validate);
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const processes = Array.from({ length: runs }, () => wholeProcess(args));
  const peaks = processes.flatMap((run) => (run.peakMb === null ? [] : [run.peakMb]));
  return {
    name,
    children: samples[0]!.children,
    findings: samples[0]!.findings,
    readMs: median(samples.map((sample) => sample.readMs)),
    rulesMs: median(samples.map((sample) => sample.rulesMs)),
    heapMb,
    processMs: median(processes.map((run) => run.ms)),
    peakMb: peaks.length > 0 ? median(peaks) : null,
  };
}

/** One in-process run: reading, then the rules, each timed. */
function inProcess<R>(
  read: () => R,
  validate: (reading: R) => { findings: readonly unknown[] },
  children: (reading: R) => number,
): () => Sample {
  return () => {
    const reading = timed(read);
    const validation = timed(() => validate(reading.result));
    return {
      children: children(reading.result),
      findings: validation.result.findings.length,
      readMs: reading.ms,
      rulesMs: validation.ms,
    };
  };
}

/** Writes a generated SSDA903 return into its own folder; its files, read back. */
function writeSsda903(folder: string, looked: number, returnSeed: number, year?: number): ReturnFile[] {
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of generateSsda903(looked, returnSeed, year))
    writeFileSync(join(folder, name), text);
  return readdirSync(folder)
    .sort()
    .map((name) => ({ name, content: readFileSync(join(folder, name)) }));
}

/**
 * One SSDA903 return, and with `withPrevious` last year's beside it: the same children (the same seeded IDs)
 * with other histories, so the rules comparing the two years have much to find.
 */
function benchSsda903(looked: number, withPrevious = false): Figures {
  const folder = join(options.out, `ssda903-${looked}`);
  const files = writeSsda903(folder, looked, seed);
  const previousFolder = join(options.out, `ssda903-${looked}-previous`);
  const previousFiles = withPrevious ? writeSsda903(previousFolder, looked, seed + 1, 2024) : null;
  return measure(
    `SSDA903 ${looked}${withPrevious ? ' with last year' : ''}`,
    ['ssda903', folder, ...(withPrevious ? ['--previous', previousFolder] : [])],
    inProcess(
      () => ({ reading: readSsda903(files), previous: previousFiles && readSsda903(previousFiles) }),
      ({ reading, previous }) => validateSsda903(reading, { year: 2025, previous: previous?.return }),
      ({ reading }) => reading.return.children.size,
    ),
  );
}

function benchCin(count: number): Figures {
  mkdirSync(options.out, { recursive: true });
  const file = join(options.out, `cin-${count}.xml`);
  writeFileSync(file, generateCin(count, seed));
  const content = readFileSync(file);
  return measure(
    `CIN ${count}`,
    ['cin', file],
    inProcess(
      () => readCin({ name: file, content }),
      (reading) => validateCin(reading, { year: 2025 }),
      (reading) => reading.return.children.length,
    ),
  );
}

/**
 * The largest SSDA903 return with last year's and the postcode directory, as whole processes taken in turn
 * (streamed, indexed, streamed, ...) after one run that builds the index; medians.
 */
function benchPostcodes(): Record<string, string | number>[] {
  const looked = sizes.ssda903.at(-1)!;
  const folder = join(options.out, `ssda903-${looked}`);
  const previousFolder = join(options.out, `ssda903-${looked}-previous`);
  writeSsda903(folder, looked, seed);
  writeSsda903(previousFolder, looked, seed + 1, 2024);
  const args = ['ssda903', folder, '--previous', previousFolder, '--la', 'E10000016'];
  const withPostcodes = [...args, '--postcodes', options.postcodes];
  const cache = { ...process.env, HEARTH_CACHE_DIR: join(options.out, 'cache') };
  const building = { ...cache, HEARTH_CACHE_DIR: join(options.out, `cache-${Date.now()}`) };
  const built = wholeProcess(withPostcodes, building);
  wholeProcess(withPostcodes, cache);
  const kinds = { none: [] as number[], streamed: [] as number[], indexed: [] as number[] };
  for (let run = 0; run < runs; run++) {
    kinds.none.push(wholeProcess(args).ms);
    kinds.streamed.push(wholeProcess([...withPostcodes, '--stream-postcodes'], cache).ms);
    kinds.indexed.push(wholeProcess(withPostcodes, cache).ms);
  }
  const row = (postcodes: string, ms: number) => ({
    return: `SSDA903 ${looked} with last year`,
    postcodes,
    ms,
  });
  return [
    row('none', Math.round(median(kinds.none))),
    row('UK directory, streamed', Math.round(median(kinds.streamed))),
    row('UK directory, cached index', Math.round(median(kinds.indexed))),
    row('UK directory, building the index (first run)', Math.round(built.ms)),
  ];
}

const rows: Figures[] = [];
if (options.only !== 'cin' && options.only !== 'postcodes') {
  for (const looked of sizes.ssda903) rows.push(benchSsda903(looked));
  rows.push(benchSsda903(sizes.ssda903.at(-1)!, true));
}
if (options.only !== 'ssda903' && options.only !== 'postcodes')
  for (const count of sizes.cin) rows.push(benchCin(count));
const postcodeRows =
  (options.only === undefined || options.only === 'postcodes') && existsSync(options.postcodes)
    ? benchPostcodes()
    : [];

console.log(`Returns written to ${options.out} (seed ${seed}); medians of ${runs} runs.`);
if (rows.length > 0)
  console.table(
    rows.map((row) => ({
      return: row.name,
      children: row.children,
      findings: row.findings,
      'read ms': Math.round(row.readMs),
      'rules ms': Math.round(row.rulesMs),
      'heap after MB': Math.round(row.heapMb),
      'whole process ms': Math.round(row.processMs),
      'peak RSS MB': row.peakMb === null ? 'n/a' : Math.round(row.peakMb),
    })),
  );
if (postcodeRows.length > 0) {
  console.log(`With --postcodes ${options.postcodes}, whole processes, medians of ${runs} runs:`);
  console.table(postcodeRows);
}
