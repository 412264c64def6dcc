-- The documents' text search through an index (issue 16): GET /api/v1/documents?q= read every
-- row with strpos(lower(…)) (~290 ms at 100,000 documents).
--
-- Why trigrams (pg_trgm) and not full-text search (tsvector): PostgreSQL has no Ukrainian
-- dictionary or stemmer (neither the server here nor PGlite; a 'simple' configuration only
-- lower-cases whole words), and a clerk types part of a word, an outgoing number such as
-- «01-12/345» or a fragment of an organisation's name. A trigram GIN index serves `LIKE '%…%'`,
-- i.e. the substring semantics the search always had, for any alphabet; word forms are handled by
-- the query (src/store/documents.ts searchDocuments: each word of the query loses its inflectional
-- ending and is matched as a substring, so «звернення» and «зверненням» both look for «зверненн»).
-- pg_trgm is a trusted extension (PostgreSQL 13+): the owner that migrates needs CREATE on the
-- database, not superuser; PGlite loads it from its contrib bundle (src/store/pglite.ts).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION pg_trgm;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'the document search needs the extension pg_trgm, and % may not create it', current_user
        USING HINT = 'run CREATE EXTENSION pg_trgm; in this database as its owner or a superuser, then start the hub again';
    END;
  END IF;
END $$;

-- The indexed text is lower() of the fields and nothing more: the query's words are lower-cased
-- the same way (searchDocuments), and any apostrophe in them (' ’ ʼ ‘ `) becomes LIKE's `_`, so
-- «об'єкт» typed finds «об’єкт» and «обʼєкт» on file. No translate() for ё/ґ or apostrophes: it
-- runs over every character of the text once per character mapped, and the text is computed again
-- for every row a plan filters (on the embedded database 20,000 rows took 0.9 s against 0.08 s for
-- lower() alone), and the Ukrainian a council writes has no ё, while ґ is a letter of its own.

-- One index over everything the search may match: summary, registration index, outgoing number
-- and, after a separator no word of a query can span (white space, and more than the one
-- character LIKE's `_` stands for), the correspondent's name. One index, so a word costs one
-- index scan (two indexes, text and name apart, cost two: 34 ms instead of ~20 for a rare word at
-- 1,000,000 documents, most of it in the second). A citizen's name, which only a role that may
-- see personal data may search, is kept out by a condition on the rows the index found
-- (searchDocuments). ANALYZE keeps statistics for the index's expression, so the planner can tell
-- a common word (walk documents_received_idx newest first and stop at the page's end) from a rare
-- one (bitmap scan of the trigram index, then sort the few rows found). The expression must stay
-- exactly as searchDocuments writes it.
DO $$
DECLARE
  ext text := (SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
  cyrillic_is_letters boolean;
BEGIN
  -- The operator class is named with the extension's schema: an installation (or a bench) may keep
  -- the hub's tables in a schema of their own, off which the extension lives.
  EXECUTE format($i$CREATE INDEX documents_search_idx ON documents USING gin
    (lower(summary || ' ' || coalesce(reg_index, '') || ' ' || coalesce(outgoing->>'number', '') || E' \n ' || coalesce(correspondent->>'name', ''))
     %s.gin_trgm_ops)$i$, ext);
  -- lower() and pg_trgm take letters for letters by the database's LC_CTYPE. Under "C" Cyrillic
  -- letters are not: capitals are not folded and the index holds no Cyrillic trigrams, so a
  -- Ukrainian word is searched case-sensitively by reading the whole index. Both servers here
  -- run C.UTF-8 (PostgreSQL 15 and PGlite alike). Say so where the operator will see it.
  EXECUTE format('SELECT cardinality(%s.show_trgm(%L)) = 5', ext, 'їжак') INTO STRICT cyrillic_is_letters;
  IF NOT cyrillic_is_letters THEN
    RAISE WARNING 'LC_CTYPE of this database does not take Cyrillic letters for letters: the document search will not use its index'
      USING HINT = 'create the database with a UTF-8 locale, e.g. LC_CTYPE ''C.UTF-8'' or ''uk_UA.UTF-8''';
  END IF;
END $$;
