import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * When a process started, in clock ticks since boot (field 22 of Linux's /proc/PID/stat), or undefined where
 * there is no /proc or no such process. A process id may be reused after its process dies; a process id and a
 * start time together name one process for as long as the machine runs.
 */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockHolder {
  pid: number;
  /** Absent in locks written before start times were recorded. */
  started?: string;
}

function readHolder(lockFile: string): LockHolder | undefined {
  const text = readFileSync(lockFile, 'utf8').trim();
  if (/^\d+$/.test(text)) return { pid: Number(text) };
  try {
    const holder = JSON.parse(text) as LockHolder;
    return Number.isInteger(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the lock's holder is provably gone: no process has its id, or the process that has it now started at
 * another time than the holder did (its id was reused). Where that cannot be told, the holder is taken to be alive:
 * opening a database another process holds would corrupt it, whereas a refusal only asks the person to look.
 */
function holderIsGone(holder: LockHolder): boolean {
  if (!processExists(holder.pid)) return true;
  if (holder.started === undefined) return false;
  const started = processStartTime(holder.pid);
  return started !== undefined && started !== holder.started;
}

/**
 * PGlite on disk may be opened by one process at a time: two would corrupt it. A lock file beside the data folder
 * names the process holding it (its id and start time); a lock whose holder is provably gone is taken over.
 * Returns the release.
 */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = `${dataDir}.lock`;
  const me: LockHolder = { pid: process.pid, started: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, JSON.stringify(me), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockFile);
      if (holder && holder.pid !== process.pid && !holderIsGone(holder)) {
        throw new Error(
          `The embedded database ${dataDir} is in use by process ${holder.pid} (perhaps \`hearth serve\`). ` +
            'Stop it first, or run Hearth on PostgreSQL to use it from several processes.',
          { cause: error },
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database ${dataDir}.`);
}
