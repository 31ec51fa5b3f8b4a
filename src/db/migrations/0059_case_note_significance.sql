-- A chronology a court would accept (issue 17 part 11) says of each event why it matters for the child: its
-- significance, in the words of the worker who wrote the note. Optional, as most notes are not significant
-- events; like the rest of a note, never changed once written (the append-only trigger of 0007 still holds).
alter table case_notes add column significance text;
-- Rule: a significance is a sentence or two, not a second note.
alter table case_notes add constraint case_notes_significance_length
  check (significance is null or length(significance) between 1 and 2000);
