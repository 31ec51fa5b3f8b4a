-- Each child's counts for the service and team timescale views, kept for the day they were counted (issue 16: the
-- service view counted about 100,000 stored obligations on every request, over 400 ms on the large demo council).
-- The daily job counts the whole council once it has brought the obligations up to date; every later change to a
-- child's stored obligations that day recounts that child in the same transaction, so the kept counts always
-- equal what the drill-downs list. On a day not yet counted the views count the obligations themselves.
create table obligation_count_days (
  council_id uuid primary key references councils (id),
  counted_on date not null
);

create table child_obligation_counts (
  council_id uuid not null references councils (id),
  child_id uuid not null,
  due_this_week integer not null,
  overdue integer not null,
  met_on_time integer not null,
  due_this_year integer not null,
  primary key (council_id, child_id)
);
