import type { Database } from '../../db/database.ts';
import { TABLES_WITH_HISTORY } from '../../db/record-tables.ts';
import type { AuditedEntry } from '../../platform/audit.ts';
import { currentVersionsSince, keptVersionsSince, type CouncilSince, type FactVersion } from './queries.ts';

/** A fact of the record that differs from what its council's audit entries say Hearth wrote (ADR 17). */
export interface FactDifference {
  councilId: string;
  table: string;
  /** The row's id (for an assessment's factors, the assessment and the code). */
  recordId: string;
  problem: string;
}

export interface FactsCheck {
  /** Versions of facts (current rows and kept versions) found as their audit entries say. */
  checked: number;
  differing: FactDifference[];
}

/**
 * Gathers, as `hearth audit verify` walks each chain, the facts each good entry says its change wrote
 * ("table key hash" a line, migration 0086), and from when each council's changes carry them.
 */
export type AuditedFacts = ReturnType<typeof auditedFactsCollector>;

export function auditedFactsCollector() {
  /** Each version's hash (which covers its table's row, council and key) and what its entry says of it. */
  const audited = new Map<string, { line: string; councilId: string; seq: number }>();
  const since = new Map<string, Date>();
  return {
    audited,
    since,
    onEntry(entry: AuditedEntry) {
      if (!entry.facts) return;
      // The earliest, not the first: a change's time is its actor's clock, which need not follow the chain's order.
      const earliest = since.get(entry.councilId);
      if (!earliest || entry.at < earliest) since.set(entry.councilId, entry.at);
      for (const line of entry.facts.split('\n'))
        if (line)
          audited.set(line.slice(line.lastIndexOf(' ') + 1), {
            line,
            councilId: entry.councilId,
            seq: entry.seq,
          });
    },
  };
}

/**
 * Holds the record's tables and their kept history to the facts the audit entries carry: every version recorded
 * since a council's first such entry must be one an entry says was written (else it was written behind Hearth's
 * back, or a kept version was rewritten), and every version an entry names must still be there (else it was
 * changed or deleted). Each table is read once for every council, hashing in the database; the kept versions of
 * every table in one more pass.
 */
export async function factsUnlikeTheirAudit(db: Database, collected: AuditedFacts): Promise<FactsCheck> {
  const since: CouncilSince[] = [...collected.since].map(([council, at]) => ({
    council_id: council,
    since: at.toISOString(),
  }));
  if (since.length === 0) return { checked: 0, differing: [] };
  const differing: FactDifference[] = [];
  const found = new Set<string>();
  const keysFound = new Set<string>();
  let checked = 0;
  const compare = (table: string, versions: FactVersion[]) => {
    for (const version of versions) {
      keysFound.add(`${version.council_id} ${table} ${version.key}`);
      const audited = collected.audited.get(version.hash);
      if (
        audited &&
        audited.councilId === version.council_id &&
        audited.line.startsWith(`${table} ${version.key} `)
      ) {
        found.add(version.hash);
        checked += 1;
      } else
        differing.push({
          councilId: version.council_id,
          table,
          recordId: version.key,
          problem: version.kept
            ? 'a kept earlier version is not one Hearth wrote: it was rewritten'
            : 'it was changed without an audit entry',
        });
    }
  };
  for (const table of TABLES_WITH_HISTORY) compare(table, await currentVersionsSince(db, table, since));
  const kept = await keptVersionsSince(db, since);
  for (const table of new Set(kept.map((version) => version.table_name)))
    compare(
      table,
      kept.filter((version) => version.table_name === table),
    );
  for (const [hash, { line, councilId, seq }] of collected.audited) {
    if (found.has(hash)) continue;
    const [table, recordId] = line.split(' ') as [string, string];
    differing.push({
      councilId,
      table,
      recordId,
      problem: keysFound.has(`${councilId} ${table} ${recordId}`)
        ? `the version audit entry ${seq} says was written is no longer there: it was changed`
        : `it is no longer there, though audit entry ${seq} says it was written: it was deleted`,
    });
  }
  return { checked, differing };
}
