import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { careLeaverIndicators } from './care-leavers.ts';
import { careIndicators } from './care.ts';
import type { CouncilFacts } from './facts.ts';
import { frontDoorIndicators } from './front-door.ts';
import type { IndicatorDefinition, IndicatorFigure } from './indicator.ts';
import type { ReportingPeriod } from './periods.ts';
import { protectionIndicators } from './protection.ts';
import { workforceIndicators } from './workforce.ts';

export type { ChildFacts, CouncilFacts, PlacementFacts, WorkerFacts } from './facts.ts';
export type { IndicatorDefinition, IndicatorFigure, IndicatorTheme } from './indicator.ts';
export * from './periods.ts';

/** Every indicator of issue 20, part 2, in the dashboard's order: front door, help and protection, care, care leavers, workforce. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  ...frontDoorIndicators,
  ...protectionIndicators,
  ...careIndicators,
  ...careLeaverIndicators,
  ...workforceIndicators,
];

const byId = new Map(INDICATORS.map((indicator) => [indicator.id, indicator]));

/** The indicator with this id, if Hearth has one. */
export function indicatorById(id: string): IndicatorDefinition | undefined {
  return byId.get(id);
}

/** Every indicator's figure for the period, from facts read as at its last day. */
export function computeIndicators(
  facts: CouncilFacts,
  period: ReportingPeriod,
  calendar: WorkingDayCalendar,
): { definition: IndicatorDefinition; figure: IndicatorFigure }[] {
  return INDICATORS.map((definition) => ({
    definition,
    figure: definition.compute(facts, period, calendar),
  }));
}
