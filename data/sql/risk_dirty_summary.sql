-- How much is pending: the newest dirty row id (0 when none) and whether anything needs a full
-- recompute (a region changed, or a table was truncated).
SELECT coalesce(max(id), 0), coalesce(bool_or(kind = 'all'), false) FROM risk_dirty
