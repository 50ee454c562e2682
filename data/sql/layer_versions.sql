-- Current version of every versioned table (bumped by the data_versions triggers), plus the
-- pseudo-table "current_date" (days since 2000-01-01) for layers whose values follow the calendar
-- (a hazard becomes overdue at midnight without any write).
SELECT table_name, version, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM data_versions
UNION ALL
SELECT 'current_date', current_date - date '2000-01-01',
       to_char(current_date, 'YYYY-MM-DD"T"00:00:00"Z"')
