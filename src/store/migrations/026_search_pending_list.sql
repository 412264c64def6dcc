-- 026: the trigram index's pending list bounded at 1 MB instead of the server's default 4 MB
-- (gin_pending_list_limit). New documents' trigrams wait there until an insert that overfills it,
-- or a vacuum, moves them into the index, and every search reads the whole list: at 4 MB a search
-- at 1,000,000 documents took 5.4 ms for no match (0.7 right after a vacuum), and the registration
-- that overfilled it paid for moving 4 MB. At 1 MB the search pays at most about a quarter of
-- that, and an insert into the index costs about a fifth more (30,000 inserts, one at a time:
-- 3.9 s against 3.2-3.3 s at 4 MB; 512 kB took 5.1-6.5 s), some 20 µs of a registration's ~1 ms.
ALTER INDEX IF EXISTS documents_search_idx SET (gin_pending_list_limit = 1024);
