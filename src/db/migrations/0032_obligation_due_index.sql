-- The service and team views count obligations due this financial year: an index by due date serves them.
create index child_obligations_due_by on child_obligations (council_id, due_by);
