-- A council may set its own, stricter interval for the personal adviser's contact with a care leaver (issue 17
-- part 10), in place of the statutory 2 months (Care Leavers (England) Regulations 2010, reg. 8(2)(c)). The
-- application refuses an interval looser than the law (domain/timescales/local-standard-rules.ts).
alter table local_standards drop constraint local_standards_kind_check;
alter table local_standards add constraint local_standards_kind_check check (kind in ('child-in-need-visit',
  'child-protection-visit', 'child-in-need-plan-review', 'supervision', 'care-leaver-contact'));
