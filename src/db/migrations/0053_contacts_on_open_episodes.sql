-- The front door's own start (issue 17, part 1). A contact about a child who already has an open episode of need
-- is part of that episode, not a new one (Working Together 2023: new information about a child already being
-- worked with goes to the worker on the case), so the contact names the episode it was added to. A contact that
-- led to a referral is named from the other side, by episodes.contact_id (migration 0006).
alter table contacts add column episode_id uuid;
alter table contacts add constraint contacts_episode
  foreign key (council_id, episode_id) references episodes (council_id, id);
create index contacts_episode on contacts (council_id, episode_id) where episode_id is not null;

-- The duplicate check before a child is created compares NHS numbers, UPNs, dates of birth (migration 0005's
-- indexes), names (migration 0041) and the current address: its postcode is indexed by migration 0005 too. The
-- family network is found through the people related to the child, by name.
create index people_family_name on people (council_id, lower(family_name));
