-- An index on issue_alerts.instance_key (DuckDB only). Every grouping pass reads the rows of the
-- instances its alerts belong to (IssueRepository.load: instance_key IN (up to 500 keys)); without
-- an index each of those reads scans the whole table, so a pass cost more the more alerts had ever
-- been grouped: with 100,000 rows a read of 500 keys took about 25 ms as a hash-join scan and about
-- 6 ms through this index, and the scans were a third of the grouping thread's CPU under webhook
-- load (JFR CPU-time samples, batches of 10 alerts). The index adds no measurable cost to the
-- pass's bulk replace of its rows. StarRocks is left as it was (not measured there).
CREATE INDEX IF NOT EXISTS issue_alerts_instance_key ON alerts.issue_alerts (instance_key);
