-- Finished runs, newest first ($1 = how many), with what each changed.
SELECT id, kind, reason, models::text, changed::text,
       to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
       to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM risk_runs
WHERE finished_at IS NOT NULL
ORDER BY id DESC
LIMIT $1
