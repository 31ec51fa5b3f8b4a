/**
 * Crash safety at length (issue 22, part 5): the CI test's SIGKILL cycles (test/crash-safety.int.test.ts), many
 * more of them, with the figures printed: how long each start took, how long the load ran before each kill, how
 * many writes were acknowledged and how many were cut off (and of those, written). Never pass/fail, but it lists
 * every problem found and exits 1 when there is one.
 *
 *   node bench/crash.ts [cycles=100] [engine-url=memory://] [seed]
 *
 * `memory://` runs on a PGlite data folder of its own; `postgres://…/db` makes a database of its own on that server.
 */
import { crashCycles, crashDatabase, prepareCrashWorld } from '../test/support/killed-server.ts';

const cycles = Number(process.argv[2] ?? 100);
const engineUrl = process.argv[3] ?? 'memory://';
const seed = process.argv[4] === undefined ? undefined : Number(process.argv[4]);

function spread(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
  return `${label}: median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${sorted.at(-1)} ms`;
}

const database = await crashDatabase(engineUrl);
const began = Date.now();
try {
  const world = await prepareCrashWorld(database.url);
  const figures = await crashCycles({
    url: database.url,
    world,
    cycles,
    seed,
    maxLoadMs: 500,
    onCycle: (cycle, acknowledged) =>
      process.stderr.write(`\rcycle ${cycle + 1}/${cycles}: ${acknowledged} written`),
  });
  process.stderr.write('\n');
  console.log(`Crash safety on ${database.url.replace(/\/\/[^@]*@/, '//')} (seed ${figures.seed})`);
  console.log(`${figures.cycles} SIGKILLs in ${((Date.now() - began) / 1000).toFixed(1)} s`);
  console.log(
    `${figures.acknowledged} case notes acknowledged, every one found exactly once: ${figures.problems.length === 0}`,
  );
  console.log(
    `${figures.cutOff} cut off by a kill, of which ${figures.cutOffWritten} were written (never twice)`,
  );
  console.log(spread('start to listening', figures.startMs));
  console.log(spread('load before the kill', figures.loadMs));
  for (const problem of figures.problems) console.log(`PROBLEM ${problem}`);
  if (figures.problems.length > 0) process.exitCode = 1;
} finally {
  await database.drop();
}
