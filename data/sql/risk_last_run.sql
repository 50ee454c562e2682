-- The newest finished run: its id, the model versions it used and the day it ran (UTC).
SELECT id, models::text, (started_at AT TIME ZONE 'UTC')::date::text
FROM risk_runs
WHERE finished_at IS NOT NULL
ORDER BY id DESC
LIMIT 1
