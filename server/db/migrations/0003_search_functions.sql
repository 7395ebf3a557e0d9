-- Trigram matching gives search its typo tolerance (pg_trgm ships with PostgreSQL's contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- Generated search columns need an immutable expression; array_to_string is only stable.
CREATE OR REPLACE FUNCTION lamplight_words(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;
