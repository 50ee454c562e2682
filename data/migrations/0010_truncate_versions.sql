-- TRUNCATE on a versioned table failed: bump_data_version() tested `NOT EXISTS (SELECT 1 FROM
-- changed_rows)` in the same expression as TG_OP, and a TRUNCATE trigger has no transition
-- table, so the expression could not even be planned. Test the operation first, on its own.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'TRUNCATE' THEN
        -- A statement that changed no rows (an idempotent re-import, an UPDATE matching nothing)
        -- leaves the version alone, so caches stay valid.
        IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN
            RETURN NULL;
        END IF;
    END IF;
    UPDATE data_versions SET version = version + 1, updated_at = now()
    WHERE table_name = TG_TABLE_NAME;
    RETURN NULL;
END $$;
