-- Where a run's density cells wait for risk_write_density.sql: a temporary table of this connection,
-- filled by COPY (risk_store.cpp) and emptied at commit. Never analysed: the planner estimates
-- its rows from its size, and the write statements join it, so an estimate off by 10x costs
-- little (an IN list under an OR did: per-row subplans, minutes for 30k rows).
DO $$
BEGIN
    IF to_regclass('pg_temp.risk_stage_density') IS NULL THEN
        CREATE TEMPORARY TABLE risk_stage_density (
            zone_id bigint,
            density float8,
            colour text,
            model_version text,
            explanation jsonb
        ) ON COMMIT DELETE ROWS;
    END IF;
END $$;
DELETE FROM risk_stage_density;
