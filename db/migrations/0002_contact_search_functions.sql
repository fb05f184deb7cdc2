-- Contacts are searched and sorted without regard to case or accents ("joao" finds "João",
-- "Íris" sorts among the I's). translate() keeps the folding IMMUTABLE, so it can feed
-- generated columns and indexes; pg_trgm indexes "contains" searches over 100,000+ rows.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE FUNCTION portaria_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT
  AS $$ SELECT translate(lower($1), 'áàâãäåéèêëíìîïóòôõöúùûüçñýÿ', 'aaaaaaeeeeiiiiooooouuuucnyy') $$;
