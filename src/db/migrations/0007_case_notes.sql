-- Case notes (issue 5, part 4): never edited or deleted. A trigger rejects UPDATE, DELETE and TRUNCATE for
-- every client, raw SQL included; a correction is a new note that names the note it corrects, with a reason.

create table case_notes (
  council_id uuid not null,
  id uuid not null,
  kind text not null check (kind in ('visit', 'phone-call', 'meeting', 'management-oversight', 'email',
    'direct-work', 'other')),
  occurred_on date not null,
  title text not null check (length(trim(title)) > 0),
  body text not null check (length(trim(body)) > 0),
  written_by uuid not null,
  written_at timestamptz not null,
  corrects_note_id uuid,
  correction_reason text,
  primary key (council_id, id),
  foreign key (council_id, written_by) references workers (council_id, id),
  foreign key (council_id, corrects_note_id) references case_notes (council_id, id),
  -- Rule: a correction names the note it corrects and says why; an original note has neither.
  check ((corrects_note_id is null) = (correction_reason is null)),
  check (corrects_note_id is null or corrects_note_id <> id)
);
create index case_notes_corrects on case_notes (council_id, corrects_note_id) where corrects_note_id is not null;

-- The children a note is about: one note about siblings appears on each child's record.
create table case_note_children (
  council_id uuid not null,
  note_id uuid not null,
  child_id uuid not null,
  primary key (council_id, note_id, child_id),
  foreign key (council_id, note_id) references case_notes (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id)
);
create index case_note_children_child on case_note_children (council_id, child_id);

create function case_notes_are_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'Case notes are never changed: % is not allowed on %; write a correction instead', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;
create trigger case_notes_no_update_or_delete before update or delete on case_notes
  for each row execute function case_notes_are_append_only();
create trigger case_notes_no_truncate before truncate on case_notes
  for each statement execute function case_notes_are_append_only();
create trigger case_note_children_no_update_or_delete before update or delete on case_note_children
  for each row execute function case_notes_are_append_only();
create trigger case_note_children_no_truncate before truncate on case_note_children
  for each statement execute function case_notes_are_append_only();

-- What a person is typing, saved as they type so that a timeout or a closed tab loses nothing. One draft per
-- person, child and note being corrected ('' for a new note). Drafts are not records: they are replaced and
-- removed when the note is saved.
create table case_note_drafts (
  council_id uuid not null,
  user_id uuid not null,
  child_id uuid not null,
  corrects_note_id text not null default '',
  fields jsonb not null,
  saved_at timestamptz not null,
  primary key (council_id, user_id, child_id, corrects_note_id),
  foreign key (council_id, user_id) references users (council_id, id),
  foreign key (council_id, child_id) references children (council_id, id)
);
