-- Extensions that later features rely on, loaded here so that both engines prove they have them:
-- pg_trgm and fuzzystrmatch for searching names tolerant of misspelling (trigrams, Double Metaphone),
-- pgcrypto for digests computed in SQL.
create extension if not exists pg_trgm;
create extension if not exists fuzzystrmatch;
create extension if not exists pgcrypto;
