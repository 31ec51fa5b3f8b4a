-- What the SSDA903 return asks that the record did not hold (issue 18, part 1), each where a practitioner records
-- it. Codes are checked against the SSDA903 code lists of the collection year in src/domain/codes.

-- Who looks after the child in a placement (a fostering household's or a home's reference, as the council names
-- it): the same carers in a new placement start an episode T or U, new carers P or B (SSDA903 RNE).
alter table placements add column carer text check (carer is null or length(trim(carer)) > 0);

-- SSDA903 CIN: the category of need when the period of care began (N1 to N8), kept for its every episode (504).
alter table care_periods add column category_of_need text;
-- SSDA903 PrevPerm, asked when a period of care begins: the permanence order the child had before (PREV_PERM),
-- the council that made it (LA_PERM) and its date, which the DfE lets be partly unknown (DATE_PERM, e.g.
-- zz/06/2019), so it is kept as written.
alter table care_periods add column previous_permanence text;
alter table care_periods add column previous_permanence_council text;
alter table care_periods add column previous_permanence_date text
  check (previous_permanence_date is null or previous_permanence_date ~* '^(\d\d|zz)/(\d\d|zz)/(\d{4}|zzzz)$');

-- SSDA903 SW_ID: the social worker's Social Work England registration number (SW followed by digits).
alter table workers add column social_work_england_number text
  check (social_work_england_number is null or social_work_england_number ~ '^SW[0-9]{1,10}$');
create unique index workers_social_work_england_number on workers (council_id, social_work_england_number)
  where social_work_england_number is not null;

-- SSDA903 SW_REASON: why the child's social worker changed (ABSENC, LEFTRL, ...), given with the allocation.
alter table allocations add column change_reason text;

-- SSDA903 Header MOTHER and MC_DOB: the birth of a looked after young woman's first child; UASC DUC: the day
-- the child stopped being an unaccompanied asylum-seeking child (their 18th birthday unless told otherwise).
alter table children add column first_child_born_on date;
alter table children add column uasc_ceased_on date;

-- SSDA903 OC2: the year's outcomes of a child looked after for 12 months at 31 March, recorded once a year
-- (the health assessments and dental checks come from health_assessments).
create table care_outcomes (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  -- The 31 March the outcomes are for.
  year_ending date not null,
  -- Strengths and difficulties questionnaire: the score (0 to 40), or the reason there is none (SDQ1 to SDQ5).
  sdq_score integer check (sdq_score between 0 and 40),
  sdq_reason text,
  convicted boolean,
  immunisations_up_to_date boolean,
  substance_misuse boolean,
  intervention_received boolean,
  intervention_offered boolean,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  recorded_at timestamptz not null default hearth_now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  check (extract(month from year_ending) = 3 and extract(day from year_ending) = 31),
  check (sdq_score is null or sdq_reason is null)
);
create index care_outcomes_child on care_outcomes (council_id, child_id, year_ending);
create trigger care_outcomes_keep_history before update or delete on care_outcomes
  for each row execute function keep_record_history();

-- SSDA903 PlacedAdoption and AD1: the agency decision maker's decision that the child should be placed for
-- adoption (Adoption Agencies Regulations 2005, reg. 19), its reversal with the reason (RD1 to RD4), and the match
-- with adopters: how many, their sex (M1, F1, MM, FF, MF), their legal status (L0 to L4), and whether they are
-- the child's foster carers.
create table adoption_decisions (
  council_id uuid not null,
  id uuid not null,
  child_id uuid not null,
  decided_on date not null,
  reversed_on date,
  reversal_reason text,
  matched_on date,
  adopters_count integer check (adopters_count in (1, 2)),
  adopters_sex text,
  adopters_legal_status text,
  by_foster_carers boolean,
  recorded_by uuid not null,
  created_at timestamptz not null default now(),
  recorded_at timestamptz not null default hearth_now(),
  primary key (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id),
  check ((reversed_on is null) = (reversal_reason is null)),
  check (reversed_on is null or reversed_on >= decided_on),
  check (matched_on is null or matched_on >= decided_on)
);
create index adoption_decisions_child on adoption_decisions (council_id, child_id, decided_on);
create trigger adoption_decisions_keep_history before update or delete on adoption_decisions
  for each row execute function keep_record_history();
