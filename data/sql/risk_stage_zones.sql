-- Where a run's zone grades wait for risk_write_zones.sql: a temporary table of this connection,
-- filled by COPY (risk_store.cpp) and emptied at commit. Never analysed: the planner estimates
-- its rows from its size, and the write statements join it, so an estimate off by 10x costs
-- little (an IN list under an OR did: per-row subplans, minutes for 30k rows).
DO $$
BEGIN
    IF to_regclass('pg_temp.risk_stage_zones') IS NULL THEN
        CREATE TEMPORARY TABLE risk_stage_zones (
            zone_id bigint,
            category text,
            colour text,
            risk_index float8,
            enterprises integer,
            red integer,
            orange integer,
            yellow integer,
            blue integer,
            open_hazards integer,
            model_version text,
            explanation jsonb
        ) ON COMMIT DELETE ROWS;
    END IF;
END $$;
DELETE FROM risk_stage_zones;
