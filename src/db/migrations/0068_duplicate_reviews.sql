-- Possible duplicates at the front door for a service manager to review (issue 17, part 1). A worker whose new
-- child is probably a child they cannot see (an unrestricted child outside their reach) is stopped; the check puts
-- the question here, with the facts the worker typed, for a service manager to decide: the same child (the contact
-- goes on the existing record) or not (the worker may go on to a new record). Restricted children never come here.
create table duplicate_reviews (
  council_id uuid not null references councils (id),
  id uuid not null,
  -- The child already known who probably matches: never shown to the worker who raised it.
  child_id uuid not null,
  raised_by uuid not null,
  raised_at timestamptz not null,
  -- What the worker typed about the child (names, dates of birth, address, NHS number, UPN, parent).
  enquiry jsonb not null,
  -- The same facts, normalised, so that a decision answers the enquiry it was about and no other.
  fingerprint text not null,
  -- Which of the facts typed agree with the known child, in words.
  reasons jsonb not null,
  decision text check (decision in ('same-child', 'different-child')),
  decided_by uuid,
  decided_at timestamptz,
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  foreign key (council_id, raised_by) references workers (council_id, id),
  foreign key (council_id, decided_by) references workers (council_id, id),
  -- Rule: a decision says who made it and when, all three or none.
  check ((decision is null) = (decided_by is null) and (decision is null) = (decided_at is null))
);
-- Rule: one question awaiting a decision for the same worker, child and enquiry (asking again changes nothing).
create unique index duplicate_reviews_awaiting on duplicate_reviews (council_id, raised_by, child_id, fingerprint)
  where decision is null;
create index duplicate_reviews_raised_by on duplicate_reviews (council_id, raised_by, raised_at);
