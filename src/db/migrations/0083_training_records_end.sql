-- A training record a manager ends (issue 21, part 1): a course no longer needed for the worker's job, a certificate
-- the provider withdrew, or a record made in error. The record is kept, so what the staff list showed on a past day
-- can still be explained; an ended record no longer counts towards expiry warnings.
alter table training_records add column ended_on date;
alter table training_records add column end_reason text
  check (end_reason in ('no-longer-needed', 'withdrawn', 'recorded-in-error'));
-- Rule: an ended record has both its day and its reason, on or after the course was completed.
alter table training_records add constraint training_records_end_whole
  check ((ended_on is null) = (end_reason is null));
alter table training_records add constraint training_records_end_order
  check (ended_on is null or ended_on >= completed_on);
