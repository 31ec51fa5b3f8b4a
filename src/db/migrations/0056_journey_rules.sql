-- Issue 17, parts 6 and 7. Every table changed here already keeps its history (migration 0050's trigger copies
-- the replaced row, with these columns, into record_history), so no new table or trigger is needed.

-- A child's death, recorded once on the child's record (CIN census reason for closure RC2; SSDA903 reason E2). It
-- ends the journey: nothing is recorded after it, and allocations and obligations end on it.
alter table children add column date_of_death date;
alter table children add constraint children_death_after_birth
  check (date_of_death is null or date_of_birth is null or date_of_death >= date_of_birth);

-- What a manager reads before authorising an assessment (Working Together 2023, chapter 2: the analysis, and the
-- child's wishes and feelings), their oversight note, and a return to the worker with reasons. A returned
-- assessment goes back to the worker until they send it again.
alter table assessments add column analysis text;
alter table assessments add column childs_voice text;
alter table assessments add column oversight_note text;
alter table assessments add column returned_on date;
alter table assessments add column returned_by uuid;
alter table assessments add column return_reasons text;
alter table assessments add constraint assessments_returned_with_reasons
  check (returned_on is null or (returned_by is not null and return_reasons is not null));

-- Why a full care order was followed by an interim one (Children Act 1989 ss. 31, 38): asked for, and kept.
alter table legal_statuses add column change_reason text;
