import { SOCIAL_WORK_JOBS } from '../domain/workforce/census.ts';
import { addRow, type Council, type Rows } from './context.ts';
import { dayOf, instantOf, isoOf, millisecondsOf, type Day } from './days.ts';
import type { Random } from './random.ts';

/** The jobs the workforce census counts sickness for (registered social work, not students or advisers). */
const SOCIAL_WORK = new Set<string>(SOCIAL_WORK_JOBS);

/**
 * Sickness over the five years before the as-at day, at the national rate: the DfE's workforce census finds
 * about 3% of working days lost, some 10 days per FTE a year, most in short spells and a share in a few long
 * ones. Employed social workers only (agency workers' sickness is their agency's). Spells stop a month before the
 * as-at day, where `addAbsences` places the current leave and sickness, and never overlap another absence.
 */
export function addSicknessHistory(council: Council, rows: Rows, random: Random): void {
  const { asAt } = council;
  const last = asAt - 32;
  const taken = new Map<string, { from: Day; to: Day }[]>();
  for (const absence of rows.worker_absences ?? []) {
    const spells = taken.get(absence.worker_id as string) ?? [];
    spells.push({
      from: dayOf(absence.from_date as string),
      to: absence.to_date ? dayOf(absence.to_date as string) : asAt + 365,
    });
    taken.set(absence.worker_id as string, spells);
  }
  for (const worker of rows.workers ?? []) {
    if (!SOCIAL_WORK.has(worker.job as string)) continue;
    if (worker.contract !== 'permanent' && worker.contract !== 'fixed-term') continue;
    const from = Math.max(dayOf(worker.started_on as string), asAt - 5 * 365);
    const to = Math.min(worker.left_on ? dayOf(worker.left_on as string) : last, last);
    if (to - from < 30) continue;
    const spells = taken.get(worker.id as string) ?? [];
    // About two spells a year: most of one to five days, one in eight of two to eight weeks.
    const count = random.poisson(((to - from) / 365) * 2.3);
    for (let number = 0; number < count; number++) {
      const long = random.chance(0.125);
      const start = random.int(from, to - 1);
      const end = Math.min(to, start + (long ? random.int(14, 56) : random.int(0, 4)));
      if (spells.some((spell) => spell.from <= end && spell.to >= start)) continue;
      spells.push({ from: start, to: end });
      addRow(rows, 'worker_absences', {
        council_id: council.id,
        id: random.uuid(millisecondsOf(start)),
        worker_id: worker.id,
        kind: 'sickness',
        from_date: isoOf(start),
        to_date: isoOf(end),
        recorded_by: null,
        created_at: instantOf(start),
      });
    }
  }
}
