-- Issue 17, part 5: a visit is recorded once, with its case note. Each visit names the case note that tells what
-- happened (null for visits recorded before this, and for those sent through the API without a note's own words,
-- whose note Hearth writes from the facts). Rule: a case note is the account of at most one visit, so a note of
-- type Visit offered as a statutory visit cannot become two.
alter table child_visits add column case_note_id uuid;
alter table child_visits add foreign key (council_id, case_note_id) references case_notes (council_id, id);
create unique index child_visits_case_note on child_visits (council_id, case_note_id) where case_note_id is not null;
