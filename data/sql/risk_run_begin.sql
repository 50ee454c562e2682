-- Opens a run ($1 kind, $2 reason, $3 model versions) recording the input tables' versions.
INSERT INTO risk_runs (kind, reason, models, inputs)
SELECT $1, $2, $3::jsonb, (SELECT jsonb_object_agg(table_name, version) FROM data_versions)
RETURNING id
