-- Editing a route's pieces re-places what lies on that route: risky segments and safety works get
-- their lines again from their stakes (and so the stored coverage and gaps, through their own
-- update triggers), and bridges that were located from their stake move with the road. A bridge
-- whose position was given (surveyed) keeps it. A record whose stakes no longer lie on any piece
-- refuses the edit with the same *_stakes_on_route / bridges_stake_on_route error as an insert,
-- so nothing is left half-placed.

CREATE FUNCTION road_pieces_replace() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    scope text[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        scope := ARRAY(SELECT DISTINCT route_code FROM new_rows);
    ELSIF TG_OP = 'DELETE' THEN
        scope := ARRAY(SELECT DISTINCT route_code FROM old_rows);
    ELSE
        scope := ARRAY(SELECT route_code FROM old_rows UNION SELECT route_code FROM new_rows);
    END IF;

    -- Setting a stake column to itself fires the BEFORE UPDATE OF placement trigger, which checks
    -- the stakes against the new pieces and recomputes the line.
    UPDATE road_risk_segments s SET from_m = s.from_m WHERE s.route_code = ANY (scope);
    UPDATE safety_works w SET from_m = w.from_m WHERE w.route_code = ANY (scope);

    -- A new piece cannot overlap the old ones, so no bridge point moves; it may only join the
    -- lines of segments and works across a former chain break, done above.
    IF TG_OP = 'INSERT' THEN
        RETURN NULL;
    END IF;
    -- Bridges: a NULL geom is located from the stake by the placement trigger. Only bridges whose
    -- point was where their stake fell on the old pieces (within 0.5 m) count as located; the
    -- others are only checked against the new pieces.
    WITH located AS (
        SELECT DISTINCT b.id
        FROM bridges b
        JOIN old_rows p ON p.route_code = b.route_code AND b.centre_m BETWEEN p.from_m AND p.to_m
        WHERE b.route_code = ANY (scope)
          AND ST_DWithin(b.geom::geography,
                         ST_Transform(ST_LineInterpolatePoint(
                                          ST_Transform(p.geom, road_utm_srid(p.geom)),
                                          (b.centre_m - p.from_m) / (p.to_m - p.from_m)),
                                      4326)::geography,
                         0.5)
    )
    UPDATE bridges b SET geom = CASE WHEN b.id IN (SELECT id FROM located) THEN NULL ELSE b.geom END
    WHERE b.route_code = ANY (scope);
    RETURN NULL;
END $$;

CREATE TRIGGER road_pieces_replace_insert AFTER INSERT ON road_pieces
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION road_pieces_replace();
CREATE TRIGGER road_pieces_replace_update AFTER UPDATE ON road_pieces
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION road_pieces_replace();
CREATE TRIGGER road_pieces_replace_delete AFTER DELETE ON road_pieces
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION road_pieces_replace();
