-- The audit trail: one append-only table, enforced by the database for every client, raw SQL included
-- (DESIGN.md, "Nothing is lost"). Each entry carries the SHA-256 of its content chained to the previous entry
-- of its council, so an edit made with the triggers disabled is found by `hearth audit verify`.
create table audit_log (
  council_id uuid not null references councils (id),
  seq bigint not null check (seq > 0),
  id uuid not null,
  at timestamptz not null,
  user_id uuid,
  worker_id uuid,
  action text not null,
  outcome text not null check (outcome in ('allowed', 'refused')),
  child_id uuid,
  route text,
  ip text,
  details jsonb not null default '{}',
  previous_hash text not null,
  hash text not null,
  primary key (council_id, seq),
  unique (council_id, id)
);
create index audit_log_child on audit_log (council_id, child_id, at);
create index audit_log_user on audit_log (council_id, user_id, at);
create index audit_log_action on audit_log (council_id, action, at);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'The audit log is append-only: % is not allowed on audit_log', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update_or_delete before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_is_append_only();
