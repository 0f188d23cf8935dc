-- to_tsvector needs an IMMUTABLE expression in a generated column; array_to_string is only STABLE.
CREATE OR REPLACE FUNCTION peerdesk_tags_text(tags text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(tags, ' '), '') $$;
