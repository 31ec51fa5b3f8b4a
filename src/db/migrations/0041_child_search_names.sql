-- Name search matches what was typed against the council's distinct names first, then finds the children with
-- those names by plain btree lookups. Names repeat: the large demo council has 116,254 children but a few hundred
-- distinct names, and a real council tens of thousands. Fuzzy matching on every child's row (migration 0005's
-- trigram and Double Metaphone indexes) read thousands of rows per word typed: 190 ms for "Isla Bolton".
--
-- No unique key: two transactions adding children with the same new name would otherwise wait on each other
-- until the first commits (the demo council writes in two long transactions at once, and waited 4 times as
-- long on its children). A name written twice at the same moment is harmless: search reads distinct names.
create table child_search_names (
  council_id uuid not null references councils (id),
  name text not null,
  metaphone text not null,
  metaphone_alt text not null
);
create index child_search_names_name on child_search_names (council_id, name);
create index child_search_names_trgm on child_search_names using gin (name gin_trgm_ops);
create index child_search_names_metaphone on child_search_names (council_id, metaphone);
create index child_search_names_metaphone_alt on child_search_names (council_id, metaphone_alt);

-- Every name a child has had stays: a name no child has any more matches no child, which is harmless.
create function child_search_names_add() returns trigger language plpgsql as $$
begin
  insert into child_search_names (council_id, name, metaphone, metaphone_alt)
  select council_id, name, dmetaphone(name), dmetaphone_alt(name)
  from (select council_id, given_name as name from named_children
        union select council_id, family_name from named_children) names
  where not exists (select 1 from child_search_names known
    where known.council_id = names.council_id and known.name = names.name);
  return null;
end $$;
-- Statement triggers with transition tables, so that a bulk load (the demo council) adds its names in one go.
create trigger children_search_names_inserted after insert on children
  referencing new table as named_children for each statement execute function child_search_names_add();
create trigger children_search_names_updated after update on children
  referencing new table as named_children for each statement execute function child_search_names_add();

insert into child_search_names (council_id, name, metaphone, metaphone_alt)
select council_id, name, dmetaphone(name), dmetaphone_alt(name)
from (select council_id, given_name as name from children union select council_id, family_name from children) names;

create index children_given_name on children (council_id, given_name);
create index children_family_name on children (council_id, family_name);
drop index children_given_name_trgm;
drop index children_family_name_trgm;
drop index children_given_name_metaphone;
drop index children_family_name_metaphone;
drop index children_family_name_metaphone_alt;
