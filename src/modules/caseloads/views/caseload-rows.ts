import { describe, type JourneyStatus } from '../../../domain/journey/status.ts';
import { absenceKinds, isAbsenceKind } from '../../../domain/workforce/absences.ts';
import { escapeHtml, ukDate } from '../../../platform/views.ts';

export interface WorkerCaseload {
  team_id: string;
  team_name: string;
  caseload_target: number | null;
  worker_id: string;
  given_name: string;
  family_name: string;
  role: string;
  children: number;
  away_kind?: string | null;
  away_to?: string | null;
  uncovered?: number;
}

/**
 * Team caseloads as GOV.UK tables, one per team: each worker's count of children against the team's target,
 * flagged when over it. Managers usually hold no cases, so they are listed but not flagged.
 */
export function teamCaseloadTables(rows: readonly WorkerCaseload[]) {
  const teams = new Map<string, { name: string; target: number | null; total: number; rows: object[] }>();
  for (const row of rows) {
    let team = teams.get(row.team_id);
    if (!team)
      teams.set(
        row.team_id,
        (team = { name: row.team_name, target: row.caseload_target, total: 0, rows: [] }),
      );
    team.total += row.children;
    const over =
      row.caseload_target !== null && row.children > row.caseload_target && row.role !== 'team-manager';
    team.rows.push([
      // The worker's own caseload, where a manager records an absence and arranges cover (issue 17, part 4).
      {
        html: `<a class="govuk-link" href="/workers/${row.worker_id}/caseload">${escapeHtml(`${row.given_name} ${row.family_name}`)}<span class="govuk-visually-hidden">’s caseload</span></a>`,
      },
      { text: row.role.replaceAll('-', ' ') },
      { text: String(row.children), format: 'numeric' },
      { text: row.caseload_target === null ? 'None set' : String(row.caseload_target), format: 'numeric' },
      over ? { html: '<strong class="govuk-tag govuk-tag--red">Over target</strong>' } : { text: '' },
      { html: awayCell(row) },
    ]);
  }
  return [...teams.values()];
}

/** Whether the worker is away today, and the way to their leave and sickness. */
function awayCell(row: WorkerCaseload): string {
  const name = escapeHtml(`${row.given_name} ${row.family_name}`);
  const link = `<a class="govuk-link" href="/workers/${row.worker_id}/absences">Leave and sickness<span class="govuk-visually-hidden"> of ${name}</span></a>`;
  const away = awayText(row);
  return away ? `${escapeHtml(away)}<br>${link}` : link;
}

/** Whether the worker is away today, until when, and how many of their children are without cover. */
function awayText(row: WorkerCaseload): string {
  if (!row.away_kind) return '';
  const kind = isAbsenceKind(row.away_kind) ? absenceKinds[row.away_kind] : row.away_kind;
  const until = row.away_to ? ` until ${ukDate(row.away_to)}` : ', no return date yet';
  const uncovered = row.uncovered ?? 0;
  const cover =
    row.children === 0 ? '' : uncovered === 0 ? '; every child has cover' : `; ${uncovered} without cover`;
  return `${kind}${until}${cover}`;
}

/**
 * My caseload as GOV.UK table rows, the most pressing first so that a phone shows it without scrolling: name, next
 * due, journey status, last visit or contact, team, child ID.
 */
export function myCaseloadRows(
  children: ReadonlyArray<{
    id: string;
    local_id: string;
    given_name: string;
    family_name: string;
    team_name: string | null;
    last_contact: string | null;
    next_due?: { kind: string; dueBy: string; overdue: boolean } | null;
    status: JourneyStatus;
  }>,
  words: Record<string, string> = {},
) {
  return children.map((child) => [
    {
      html: `<a class="govuk-link" href="/children/${child.id}">${escapeHtml(child.given_name)} ${escapeHtml(child.family_name)}</a>`,
    },
    child.next_due
      ? {
          html: `${escapeHtml(words[child.next_due.kind] ?? child.next_due.kind)} by ${ukDate(child.next_due.dueBy)}${
            child.next_due.overdue ? ' <strong class="govuk-tag govuk-tag--red">Overdue</strong>' : ''
          }`,
        }
      : { text: 'Nothing due' },
    { text: describe(child.status) },
    { text: child.last_contact ? ukDate(child.last_contact) : 'None recorded' },
    { text: child.team_name ?? '' },
    { text: child.local_id },
  ]);
}
