-- Name search forgives accents and apostrophes (issue 17, part 8): Zoe finds Zoë, Siobhan finds Siobhán, OBrien
-- finds O'Brien. Each distinct name keeps its search name beside it: lower case, accents taken off (Unicode NFD,
-- then the combining marks removed), the letters NFD leaves whole written plainly (ø o, ł l, ß ss, æ ae), no
-- apostrophes, hyphens as spaces. The same rule is searchNameOf in src/domain/names/search-name.ts, which folds
-- what is typed; the search integration test checks the two agree. Built-in functions only (normalize is in
-- core PostgreSQL and PGlite), so no extension such as unaccent is needed on either engine.
create function search_name(name text) returns text language sql immutable parallel safe as $$
  select btrim(regexp_replace(regexp_replace(
    replace(replace(replace(replace(replace(
      translate(lower(regexp_replace(normalize(name, NFD),
        '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g')), 'øłđðıħ', 'olddih'),
      'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th'),
    '[''’‘`ʼ]', '', 'g'), '[-‐‑‒–—\s]+', ' ', 'g'))
$$;

alter table child_search_names add column search_name text;
update child_search_names set search_name = search_name(name);
alter table child_search_names alter column search_name set not null;
-- Sounds-alike keys of the search name: Double Metaphone reads plain letters, not Zoë's ë.
update child_search_names set metaphone = dmetaphone(search_name), metaphone_alt = dmetaphone_alt(search_name);

drop index child_search_names_trgm;
create index child_search_names_search_trgm on child_search_names using gin (search_name gin_trgm_ops);

create or replace function child_search_names_add() returns trigger language plpgsql as $$
begin
  insert into child_search_names (council_id, name, search_name, metaphone, metaphone_alt)
  select council_id, name, search_name(name), dmetaphone(search_name(name)), dmetaphone_alt(search_name(name))
  from (select council_id, given_name as name from named_children
        union select council_id, family_name from named_children) names
  where not exists (select 1 from child_search_names known
    where known.council_id = names.council_id and known.name = names.name);
  return null;
end $$;
