-- The record's one reader (issue 16, ADR 9) reads each table of a child's record by child: these tables had no
-- index for it, so reading one child scanned them whole (31 ms a child on the large demo council, 5.6 ms on the
-- small one).
create index initial_conferences_child on initial_conferences (council_id, child_id);
create index cp_core_groups_child on cp_core_groups (council_id, child_id);
create index cp_review_conferences_child on cp_review_conferences (council_id, child_id);
create index cin_plan_reviews_child on cin_plan_reviews (council_id, child_id);
create index legal_statuses_child on legal_statuses (council_id, child_id);
create index placements_child on placements (council_id, child_id);
create index cla_reviews_child on cla_reviews (council_id, child_id);
create index health_assessments_child on health_assessments (council_id, child_id);
create index personal_education_plans_child on personal_education_plans (council_id, child_id);
create index missing_episodes_child on missing_episodes (council_id, child_id);
create index pathway_plan_reviews_child on pathway_plan_reviews (council_id, child_id);
