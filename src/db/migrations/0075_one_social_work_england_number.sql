-- One Social Work England number per worker (issue 21). Migration 0064 added `social_work_england_number` (the
-- SSDA903's SW_ID) and 0066 `swe_number` (the staff list and the workforce census), so a number given on one path
-- was missing on the other. Keep the first: a number held only in `swe_number` moves across, unless another worker
-- of the council already holds it (the unique index would refuse it; the staff list shows the gap to put right).
-- Where both are set and differ, the number the returns have already sent is kept.
update workers w set social_work_england_number = w.swe_number
where w.swe_number is not null and w.social_work_england_number is null
  and not exists (
    select 1 from workers other
    where other.council_id = w.council_id and other.social_work_england_number = w.swe_number);
alter table workers drop column swe_number;
