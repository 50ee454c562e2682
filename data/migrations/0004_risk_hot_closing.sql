-- Closing a result row (valid_to = the run that replaced it) is the one UPDATE a recompute makes,
-- once per changed row. With valid_to in no index and room left on each page, PostgreSQL makes
-- it a heap-only (HOT) update: no index entries are written, which is several times cheaper for
-- tables carrying two GiST indexes (bench/recompute measured 1.2 s -> 0.16 s for 30k closes).
-- Current rows are found through the primary keys instead, and rows closed by a run through the
-- ids the run graded (risk_affected_*.sql).
DROP INDEX enterprise_risk_current_idx;
DROP INDEX enterprise_risk_valid_to_idx;
DROP INDEX park_risk_current_idx;
DROP INDEX zone_risk_current_idx;
DROP INDEX hazard_density_current_idx;

-- A full recompute closes every row of a page: the page needs room for as many new versions.
ALTER TABLE enterprise_risk SET (fillfactor = 45);
ALTER TABLE park_risk SET (fillfactor = 45);
ALTER TABLE zone_risk SET (fillfactor = 45);
ALTER TABLE hazard_density SET (fillfactor = 45);

-- The run references were checked row by row by foreign-key triggers on every write and close
-- (0.3 s of a 30k-row full run). Run ids come only from risk_run_begin.sql in the same
-- transaction that writes them, and runs are never deleted, so the checks cannot fail.
ALTER TABLE enterprise_risk DROP CONSTRAINT enterprise_risk_valid_from_fkey,
                            DROP CONSTRAINT enterprise_risk_valid_to_fkey;
ALTER TABLE park_risk DROP CONSTRAINT park_risk_valid_from_fkey,
                      DROP CONSTRAINT park_risk_valid_to_fkey;
ALTER TABLE zone_risk DROP CONSTRAINT zone_risk_valid_from_fkey,
                      DROP CONSTRAINT zone_risk_valid_to_fkey;
ALTER TABLE hazard_density DROP CONSTRAINT hazard_density_valid_from_fkey,
                           DROP CONSTRAINT hazard_density_valid_to_fkey;
-- Likewise the zone and category references of zone rows: the write statements take zone_id and
-- category from joins with risk_zones and risk_categories, whose rows are never deleted (zones
-- are deactivated).
ALTER TABLE zone_risk DROP CONSTRAINT zone_risk_zone_id_fkey,
                      DROP CONSTRAINT zone_risk_category_fkey;
ALTER TABLE hazard_density DROP CONSTRAINT hazard_density_zone_id_fkey;
