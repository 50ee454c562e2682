-- Stores a model body under its id and version; answers false when that version is already
-- stored with a different body (a model edited without bumping its version).
WITH inserted AS (
    INSERT INTO risk_models (model_id, version, body) VALUES ($1, $2, $3::jsonb)
    ON CONFLICT (model_id, version) DO NOTHING
    RETURNING true
)
SELECT coalesce((SELECT true FROM inserted),
                (SELECT m.body = $3::jsonb FROM risk_models m WHERE m.model_id = $1 AND m.version = $2))
