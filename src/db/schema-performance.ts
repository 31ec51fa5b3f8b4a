import type { Generated } from 'kysely';
import type { DateColumn, Instant } from './schema.ts';

/** A closed quarter's figures as known at an instant (migration 0070). */
export interface IndicatorFiguresTable {
  council_id: string;
  period_start: DateColumn;
  period_end: DateColumn;
  known_at: Instant;
  inputs: string;
  figures: unknown;
}

/** A committee report's title block and what its author wrote (migration 0070). */
export interface CommitteeReportsTable {
  council_id: string;
  period_start: DateColumn;
  period_end: DateColumn;
  committee: string;
  meeting_date: DateColumn | null;
  author: string;
  classification: 'public' | 'exempt';
  exempt_paragraph: number | null;
  summary: string;
  recommendations: string;
  commentary: unknown;
  implications: unknown;
  exempt_appendix: string;
  exempt_appendix_roles: string[];
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** What the author of a year's self-evaluation wrote, by ILACS area and question (migration 0084). */
export interface SelfEvaluationsTable {
  council_id: string;
  year: number;
  answers: unknown;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** A figure the DfE published for England, a region or a council (migration 0070). */
export interface ComparatorFiguresTable {
  council_id: string;
  indicator_id: string;
  time_period: string;
  period_end: DateColumn;
  geographic_level: 'National' | 'Regional' | 'Local authority';
  area_code: string;
  area_name: string;
  region_code: string | null;
  value: string | number;
  source: string;
  loaded_at: Generated<Date>;
}

/** A council's statistical neighbour, 1 the closest (migration 0070). */
export interface StatisticalNeighboursTable {
  council_id: string;
  la_code: string;
  neighbour_code: string;
  neighbour_name: string;
  closeness: number;
}

export interface PerformanceTables {
  indicator_figures: IndicatorFiguresTable;
  committee_reports: CommitteeReportsTable;
  self_evaluations: SelfEvaluationsTable;
  comparator_figures: ComparatorFiguresTable;
  statistical_neighbours: StatisticalNeighboursTable;
}
