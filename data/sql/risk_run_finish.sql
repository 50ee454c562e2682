-- Closes run $1 with the rows it changed per layer ($2), and forgets the changes it consumed
-- (dirty rows up to id $3; rows marked while it ran stay for the next run).
WITH forgotten AS (DELETE FROM risk_dirty WHERE id <= $3 RETURNING 1)
UPDATE risk_runs SET changed = $2::jsonb, finished_at = clock_timestamp()
WHERE id = $1
