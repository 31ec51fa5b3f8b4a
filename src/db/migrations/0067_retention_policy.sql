-- The council's retention policy for the records of children never looked after (issue 22, part 8): the birthday
-- until which they are kept before review. The IRMS Retention Guidelines for Local Authorities give the 25th;
-- the statutory periods (75th birthday once looked after, 100 years from an adoption order) are not the council's
-- to change and live in src/domain/governance/retention.ts.
alter table councils add column retention_others_until_birthday integer not null default 25
  check (retention_others_until_birthday between 18 and 100);
