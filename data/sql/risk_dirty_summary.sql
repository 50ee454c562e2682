-- How much is pending: the newest dirty row id (0 when none), whether anything needs a full
-- recompute (a region changed, a table was truncated, or a statement changed many rows), and
-- whether the zones may have changed (only the first two).
SELECT coalesce(max(id), 0), coalesce(bool_or(kind IN ('all', 'many')), false),
       coalesce(bool_or(kind = 'all'), false)
FROM risk_dirty
