-- Marks the staged bridges rated before the stored bridge's latest inspection (a ledger printed
-- before it): their rating joins the inspection history, but the bridge keeps its current rating
-- and what was decided on it (import_merge_bridges.sql, import_rules_bridges.sql). A rating of
-- the same day or later replaces the current one.
UPDATE import_staging s
SET _older_rating = COALESCE(s.rated_at < greatest(t.rated_at, (SELECT max(i.inspected_at)
                                                               FROM bridge_inspections i
                                                               WHERE i.bridge_code = t.code)),
                             false)
FROM bridges t
WHERE t.code = s.code
