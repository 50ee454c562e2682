-- Current version of every versioned table (bumped by the data_versions triggers).
SELECT table_name, version, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM data_versions
