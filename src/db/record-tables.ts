/**
 * The tables of a child's record whose rows carry `recorded_at` and whose replaced versions the database keeps in
 * `record_history` (migration 0050, which lists the same tables, and later migrations that add one). The record's reader and the demo loader share
 * this list.
 */
export const TABLES_WITH_HISTORY = [
  'children',
  'child_addresses',
  'people',
  'child_relationships',
  'child_flags',
  'allocations',
  'contacts',
  'episodes',
  'assessments',
  'assessment_factors',
  'strategy_discussions',
  'section47_enquiries',
  'initial_conferences',
  'cp_plans',
  'cp_core_groups',
  'cp_review_conferences',
  'cin_plans',
  'cin_plan_reviews',
  'care_periods',
  'legal_statuses',
  'placements',
  'cla_reviews',
  'child_visits',
  'health_assessments',
  'personal_education_plans',
  'missing_episodes',
  'care_leaver_statuses',
  'pathway_plans',
  'pathway_plan_reviews',
  'care_leaver_contacts',
  // The child's part of a supervision (migration 0066, which adds its history trigger).
  'supervision_discussions',
  'care_outcomes',
  'adoption_decisions',
] as const;

/** The tables of the record that hang off the child by `child_id`: all but the child, people and factors. */
export const CHILD_TABLES = TABLES_WITH_HISTORY.filter(
  (
    table,
  ): table is Exclude<(typeof TABLES_WITH_HISTORY)[number], 'children' | 'people' | 'assessment_factors'> =>
    table !== 'children' && table !== 'people' && table !== 'assessment_factors',
);
