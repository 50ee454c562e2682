-- Merges staged safety works by code. $1 lists the fields the file provided; the others keep
-- their values; identical records are not written. The geometry comes from the route
-- (safety_works_place trigger), and the coverage of the routes touched is recomputed by the
-- statement triggers of 0008_road_coverage.sql. A record the file names is real data from now
-- on: the demo's `generated` flag goes.
WITH merged AS (
    SELECT t.id,
           s._row,
           s.code,
           CASE WHEN 'route_code' = ANY($1) THEN s.route_code ELSE t.route_code END AS route_code,
           CASE WHEN 'kind' = ANY($1) THEN s.kind ELSE t.kind END AS kind,
           CASE WHEN 'from_stake' = ANY($1) THEN s.from_stake ELSE t.from_m END AS from_m,
           CASE WHEN 'to_stake' = ANY($1) THEN s.to_stake ELSE t.to_m END AS to_m,
           CASE WHEN 'status' = ANY($1) THEN s.status ELSE t.status END AS status,
           CASE WHEN 'started_on' = ANY($1) THEN s.started_on ELSE t.started_on END AS started_on,
           CASE WHEN 'completed_on' = ANY($1) THEN s.completed_on ELSE t.completed_on END AS completed_on,
           CASE WHEN 'accepted_on' = ANY($1) THEN s.accepted_on ELSE t.accepted_on END AS accepted_on,
           CASE WHEN 'note' = ANY($1) THEN s.note ELSE t.note END AS note
    FROM import_staging s
    LEFT JOIN safety_works t ON t.code = s.code
),
updated AS (
    UPDATE safety_works x SET
        route_code = m.route_code,
        kind = m.kind,
        from_m = m.from_m,
        to_m = m.to_m,
        status = m.status,
        started_on = m.started_on,
        completed_on = m.completed_on,
        accepted_on = m.accepted_on,
        note = m.note,
        generated = false
    FROM merged m
    WHERE x.id = m.id
      AND (x.route_code, x.kind, x.from_m, x.to_m, x.status, x.started_on, x.completed_on, x.accepted_on, x.note, x.generated)
          IS DISTINCT FROM
          (m.route_code, m.kind, m.from_m, m.to_m, m.status, m.started_on, m.completed_on, m.accepted_on, m.note, false)
    RETURNING 1
),
inserted AS (
    INSERT INTO safety_works (code, route_code, kind, from_m, to_m, status, started_on,
                              completed_on, accepted_on, note)
    SELECT m.code, m.route_code, m.kind, m.from_m, m.to_m, m.status, m.started_on,
           m.completed_on, m.accepted_on, m.note
    FROM merged m WHERE m.id IS NULL
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated;
