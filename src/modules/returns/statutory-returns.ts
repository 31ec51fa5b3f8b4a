import { zipSync } from 'fflate';
import type { Database } from '../../db/database.ts';
import type { Finding } from '../../domain/returns/findings.ts';
import { visibleChildIds } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { roleCan } from '../../platform/permissions.ts';
import { auditSource } from '../../platform/transactions.ts';
import { annexANotes } from '../../domain/returns/annex-a/lists.ts';
import { annexAFileName, exportAnnexA } from './annex-a-export.ts';
import { exportCin } from './cin-export.ts';
import { findingsByRule } from './service.ts';
import { childIdsByLocalId } from './ssda903-export-queries.ts';
import { exportSsda903 } from './ssda903-export.ts';

export type StatutoryReturn = 'ssda903' | 'cin' | 'annex-a';

/** What the person asked for: a return, and its collection year (or, for Annex A, the window's last day). */
export interface ReturnChoice {
  readonly kind: StatutoryReturn;
  readonly year: number;
}

export interface MadeReturn {
  readonly file: { readonly name: string; readonly type: string; readonly content: Uint8Array | string };
  readonly findings: readonly Finding[];
  readonly children: number;
  /** Annex A: each list and its rows. */
  readonly lists?: readonly {
    readonly number: number;
    readonly name: string;
    readonly from: string;
    readonly rows: number;
    /** Whether Hearth records what the list asks (early help and adopters it does not yet). */
    readonly recorded: boolean;
  }[];
}

const encoder = new TextEncoder();

/**
 * Makes a return from the record for the person on the page, audited as theirs (issue 18, part 5): the SSDA903
 * tables as one zip, the CIN census XML, or Annex A's workbook to today. Nothing is kept: each request makes it anew.
 */
export async function makeReturn(db: Database, actor: Actor, choice: ReturnChoice): Promise<MadeReturn> {
  const audit = auditSource(actor);
  if (choice.kind === 'cin') {
    const made = await exportCin(db, actor.councilId, { year: choice.year, audit });
    return {
      file: { name: made.file.name, type: 'application/xml; charset=utf-8', content: made.file.text },
      findings: made.validation.findings,
      children: made.children.length,
    };
  }
  if (choice.kind === 'ssda903') {
    const made = await exportSsda903(db, actor.councilId, { year: choice.year, audit });
    const zip = zipSync(Object.fromEntries(made.files.map((file) => [file.name, encoder.encode(file.text)])));
    return {
      file: {
        name: `ssda903-${choice.year}-${String(choice.year + 1).slice(2)}.zip`,
        type: 'application/zip',
        content: zip,
      },
      findings: made.validation.findings,
      children: made.children,
    };
  }
  const made = await exportAnnexA(db, actor.councilId, { to: actor.today, audit });
  return {
    file: {
      name: annexAFileName(actor.today),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: made.workbook,
    },
    findings: [],
    children: made.children,
    lists: made.lists.map(({ list, from, rows }) => ({
      number: list.number,
      name: list.name,
      from,
      rows: rows.length,
      recorded: annexANotes[list.number] === undefined,
    })),
  };
}

/**
 * The findings by rule as the page shows them: for a person who may read children, the children they may see,
 * each with the address of their page (those they may not see are only counted); for anyone else, counts only.
 */
export async function findingsForPage(db: Database, actor: Actor, findings: readonly Finding[]) {
  const groups = findingsByRule(findings);
  const named = roleCan(actor.role, 'child:read');
  const localIds = named ? [...new Set(findings.map((finding) => finding.child).filter(Boolean))] : [];
  const ids = await childIdsByLocalId(db, actor.councilId, localIds);
  const visible = ids.length
    ? await visibleChildIds(
        db,
        actor,
        ids.map((row) => row.id),
      )
    : new Set<string>();
  const pageOf = new Map(
    ids.filter((row) => visible.has(row.id)).map((row) => [row.local_id, `/children/${row.id}`]),
  );
  const order = { error: 0, query: 1, warning: 2 } as const;
  const errorsFirst = [...groups].sort((a, b) => order[a.severity] - order[b.severity]);
  return errorsFirst.map((group) => {
    const children = [...new Set(group.findings.map((finding) => finding.child).filter(Boolean))];
    const shown = children.filter((child) => pageOf.has(child));
    return {
      rule: group.rule,
      severity: group.severity,
      // The kind of finding is said beside it, so the DfE's "Please check:" is not repeated.
      message: sentenceCase(group.message.replace(/^Please check: /, '')),
      count: group.count,
      children: group.children,
      named: named ? shown.slice(0, 100).map((child) => ({ localId: child, href: pageOf.get(child)! })) : [],
      unnamed: children.length - Math.min(shown.length, 100),
    };
  });
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
