import {
  caseKinds,
  caseKindWords,
  type CaseKind,
  type WorkerLoad,
} from '../../../domain/workforce/weighted-caseload.ts';
import { escapeHtml } from '../../../platform/views.ts';

/**
 * Weighted caseloads as GOV.UK table rows with a bar for each (issue 21, part 2; ADR 11: SVG drawn here, no
 * inline style, a text alternative, and the same numbers in the table's own cells).
 */

const figure = (value: number | null) => (value === null ? 'None set' : String(value));

/** The top of every bar's scale in a table: the largest load or target, so that bars compare down the table. */
export function barScale(loads: ReadonlyArray<Pick<WorkerLoad, 'weighted' | 'target'>>): number {
  return Math.max(1, ...loads.map((load) => Math.max(load.weighted, load.target ?? 0)));
}

/** A worker's weighted load as a horizontal bar against a mark at their target, red when over it. */
export function loadBar(load: Pick<WorkerLoad, 'weighted' | 'target'>, scale: number, name: string): string {
  const width = 300;
  const height = 24;
  const at = (value: number) => Math.round((Math.min(value, scale) / scale) * (width - 4) * 10) / 10 + 2;
  const over = load.target !== null && load.weighted > load.target;
  const alternative =
    load.target === null
      ? `${name}: weighted load ${load.weighted}, no target`
      : `${name}: weighted load ${load.weighted} against a target of ${load.target}${over ? ', over target' : ''}`;
  const target =
    load.target === null
      ? ''
      : `<line class="hearth-load__target" x1="${at(load.target)}" y1="1" x2="${at(load.target)}" y2="${height - 1}"/>`;
  return `<svg class="hearth-load" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(alternative)}" focusable="false"><rect class="hearth-load__track" x="2" y="4" width="${width - 4}" height="${height - 8}"/><rect class="hearth-load__bar${over ? ' hearth-load__bar--over' : ''}" x="2" y="4" width="${at(load.weighted) - 2}" height="${height - 8}"/>${target}</svg>`;
}

function headroomHtml(load: WorkerLoad | Omit<WorkerLoad, 'managerHoldsCases'>): string {
  if (load.headroom === null) return 'No target';
  if (load.headroom < 0) return `<strong class="govuk-tag govuk-tag--red">${-load.headroom} over</strong>`;
  return String(load.headroom);
}

/** Each worker's row: name, children, weighted load, target, headroom and the bar; a manager's cases flagged. */
export function weightedRows(
  workers: ReadonlyArray<WorkerLoad & { workerId: string; name: string; manager: boolean }>,
  total: Omit<WorkerLoad, 'managerHoldsCases'>,
) {
  const scale = barScale(workers);
  const rows: object[][] = workers.map((worker) => [
    {
      html:
        `<a class="govuk-link" href="/workforce/staff/${worker.workerId}">${escapeHtml(worker.name)}</a>` +
        (worker.manager ? ' (manager)' : '') +
        (worker.managerHoldsCases
          ? '<br><strong class="govuk-tag govuk-tag--yellow">Holds cases: this team’s managers hold none</strong>'
          : ''),
    },
    { text: String(worker.children), format: 'numeric' },
    { text: String(worker.weighted), format: 'numeric' },
    { text: figure(worker.target), format: 'numeric' },
    { html: headroomHtml(worker), format: 'numeric' },
    { html: loadBar(worker, scale, worker.name) },
  ]);
  rows.push([
    { html: '<strong>Team</strong>' },
    { text: String(total.children), format: 'numeric' },
    { text: String(total.weighted), format: 'numeric' },
    { text: figure(total.target), format: 'numeric' },
    { html: headroomHtml(total), format: 'numeric' },
    { text: '' },
  ]);
  return rows;
}

/** The weights in use, as rows: kind of case and weight. */
export function weightRows(weights: Readonly<Record<CaseKind, number>>) {
  return caseKinds.map((kind) => [
    { text: caseKindWords[kind] },
    { text: String(weights[kind]), format: 'numeric' },
  ]);
}
