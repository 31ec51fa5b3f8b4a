-- Anchors for the audit chain (issue 22 part 2, ADR 13). A checkpoint is a council's chain head (its sequence
-- number and hash) at an instant, signed with an HMAC under HEARTH_AUDIT_KEY, a secret kept outside the database.
-- Someone who can write the database can recompute a chain after rewriting an entry, or cut off its newest
-- entries, but cannot sign the new head: `hearth audit verify` compares each chain with its checkpoints, here and
-- in the copy exported to HEARTH_AUDIT_CHECKPOINT_FILE, which the database administrator cannot rewrite.
-- Rule: checkpoints are append-only, like the log they anchor.
create table audit_checkpoints (
  council_id uuid not null,
  seq bigint not null check (seq > 0),
  hash text not null,
  at timestamptz not null,
  signature text not null,
  primary key (council_id, seq)
);

create trigger audit_checkpoints_no_update_or_delete before update or delete on audit_checkpoints
  for each row execute function audit_log_is_append_only();
create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
  for each statement execute function audit_log_is_append_only();

-- A case note's audit entries carry the hash of what was written (details.contentHash); `hearth audit verify`
-- finds each note's entries by this index to check the note against them.
create index audit_log_note on audit_log (council_id, (details ->> 'noteId')) where details ? 'noteId';
