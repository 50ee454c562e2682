-- A statement that changes many enterprises or hazards at once (a bulk import, a batch edit)
-- marks one 'many' row instead of a dirty row per record: the next recompute is then a full run
-- (zones unchanged, unlike 'all'), which regrades everything in about the time an incremental
-- run would spend finding what to regrade among the marks. Measured: a 200,000-row enterprise
-- import spent 0.45 s of its merge writing 200,000 dirty rows with their positions.
-- 5,000 rows is a tuning constant, not a domain rule: a full run of a 30,000-enterprise county
-- takes about as long as an incremental one over a few thousand changed enterprises. It counts
-- per trigger event: the inserts and the updates of one merge statement are counted apart, and an
-- UPDATE counts only the rows it really changed.
ALTER TABLE risk_dirty DROP CONSTRAINT risk_dirty_kind_check;
ALTER TABLE risk_dirty ADD CONSTRAINT risk_dirty_kind_check
    CHECK (kind IN ('enterprise', 'hazard', 'park', 'all', 'many'));

CREATE FUNCTION risk_marks_many(changed_rows bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF changed_rows > 5000 THEN
        INSERT INTO risk_dirty (kind) VALUES ('many');
        RETURN true;
    END IF;
    RETURN false;
END $$;

CREATE OR REPLACE FUNCTION risk_mark_enterprises() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT risk_marks_many((SELECT count(*) FROM new_rows)) THEN
            INSERT INTO risk_dirty (kind, enterprise_id, park_code, geom)
            SELECT 'enterprise', n.id, n.park_code, n.geom FROM new_rows n;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT risk_marks_many((SELECT count(*) FROM old_rows)) THEN
            INSERT INTO risk_dirty (kind, enterprise_id, park_code, geom)
            SELECT 'enterprise', o.id, o.park_code, o.geom FROM old_rows o;
        END IF;
    ELSIF NOT risk_marks_many((SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id
                               WHERE o IS DISTINCT FROM n)) THEN
        -- an UPDATE that rewrites a row with the same values marks nothing
        INSERT INTO risk_dirty (kind, enterprise_id, park_code, geom)
        SELECT 'enterprise', x.id, x.park_code, x.geom
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.id, o.park_code, o.geom), (n.id, n.park_code, n.geom))
            AS x(id, park_code, geom)
        WHERE o IS DISTINCT FROM n;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION risk_mark_hazards() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT risk_marks_many((SELECT count(*) FROM new_rows)) THEN
            INSERT INTO risk_dirty (kind, enterprise_id, geom)
            SELECT 'hazard', n.enterprise_id, n.geom FROM new_rows n;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF NOT risk_marks_many((SELECT count(*) FROM old_rows)) THEN
            INSERT INTO risk_dirty (kind, enterprise_id, geom)
            SELECT 'hazard', o.enterprise_id, o.geom FROM old_rows o;
        END IF;
    ELSIF NOT risk_marks_many((SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id
                               WHERE o IS DISTINCT FROM n)) THEN
        INSERT INTO risk_dirty (kind, enterprise_id, geom)
        SELECT 'hazard', x.enterprise_id, x.geom
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        CROSS JOIN LATERAL (VALUES (o.enterprise_id, o.geom), (n.enterprise_id, n.geom))
            AS x(enterprise_id, geom)
        WHERE o IS DISTINCT FROM n;
    END IF;
    RETURN NULL;
END $$;
