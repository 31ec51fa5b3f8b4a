-- Obligations that can no longer be done (issue 16): unmet when the care, plan or episode they were owed for
-- ended after their due date, or when the window they had to be done in closed (a school term's PEP review).
-- They count as missed in the on-time figures but are no longer overdue work on anyone's list.
alter table child_obligations add column missed boolean not null default false;
