import type { Validation } from '../engine.ts';
import { runRules } from '../engine.ts';
import { findingOfProblem } from '../findings.ts';
import { ssda903Context, type Ssda903Options, type Ssda903Rule } from './context.ts';
import type { Ssda903Reading } from './read.ts';
import { ad1Rules } from './rules/adoption-ad1.ts';
import { oc3Rules } from './rules/care-leavers-oc3.ts';
import { careLeaverPreviousYearRules } from './rules/care-leavers-previous-year.ts';
import { episodeAgeRules } from './rules/episode-ages.ts';
import { episodeCodeRules } from './rules/episode-codes.ts';
import { episodeDurationRules } from './rules/episode-durations.ts';
import { episodeReasonRules } from './rules/episode-reasons.ts';
import { episodePlacementRules } from './rules/episode-placements.ts';
import { episodePreviousYearRules } from './rules/episode-previous-year.ts';
import { episodeSequenceRules } from './rules/episode-sequence.ts';
import { headerRules } from './rules/header.ts';
import { headerPreviousYearRules } from './rules/header-previous-year.ts';
import { integrityRules } from './rules/integrity.ts';
import { missingRules } from './rules/missing.ts';
import { oc2Rules } from './rules/outcomes-oc2.ts';
import { placedForAdoptionRules } from './rules/placed-for-adoption.ts';
import { placementGeographyRules } from './rules/placement-geography.ts';
import { previousPermanenceRules } from './rules/previous-permanence.ts';
import { providerRules } from './rules/providers.ts';
import { reviewRules } from './rules/reviews.ts';
import { socialWorkerRules } from './rules/social-workers.ts';
import { uascRules } from './rules/uasc.ts';
import { uascPreviousYearRules } from './rules/uasc-previous-year.ts';
import type { Ssda903Table } from './tables.ts';

/** Every SSDA903 rule Hearth implements, for every collection year it knows. */
export const ssda903Rules: readonly Ssda903Rule[] = [
  ...headerRules,
  ...headerPreviousYearRules,
  ...episodeCodeRules,
  ...episodeSequenceRules,
  ...episodeAgeRules,
  ...episodePreviousYearRules,
  ...episodePlacementRules,
  ...episodeDurationRules,
  ...episodeReasonRules,
  ...reviewRules,
  ...uascRules,
  ...uascPreviousYearRules,
  ...missingRules,
  ...previousPermanenceRules,
  ...socialWorkerRules,
  ...oc2Rules,
  ...oc3Rules,
  ...careLeaverPreviousYearRules,
  ...ad1Rules,
  ...placedForAdoptionRules,
  ...integrityRules,
  ...placementGeographyRules,
  ...providerRules,
];

/**
 * Tables every return must have. The others may be left out when a council has nothing to put in
 * them; a rule that reads a table that was not supplied does not fire.
 */
const requiredTables: readonly Ssda903Table[] = ['Header', 'Episodes'];

/**
 * Validates a read SSDA903 return against the DfE rules of `options.year`: the reading problems
 * first, then every rule over every child in one pass. Rules needing an input the caller did not
 * give (the previous return, postcodes) are listed as skipped.
 */
export function validateSsda903(
  reading: Ssda903Reading,
  options: Ssda903Options,
  onChild?: () => void,
): Validation {
  const ssda903 = reading.return;
  const context = ssda903Context(ssda903, options);
  const validation = runRules(ssda903Rules, ssda903.children.values(), context, onChild);
  const readFindings = reading.problems.map(findingOfProblem);
  for (const table of requiredTables) {
    if (!ssda903.files.has(table)) {
      readFindings.push({
        rule: 'READ-MISSING-TABLE',
        child: '',
        table,
        row: 0,
        fields: [],
        message: `No file holds the ${table} table, so its rules were not run.`,
        severity: 'error',
      });
    }
  }
  return { ...validation, findings: [...readFindings, ...validation.findings] };
}
