-- Which enterprises lie in which township and grid zone, kept by the recompute: each run places
-- again the enterprises marked as changed (inserted, moved, deleted) and regrades the zones whose
-- members that changed; it places everything after the zones were rebuilt, after a bulk change
-- (no per-row marks) and on a forced full run. Zone grades then read their members by zone id
-- instead of a spatial join per run: a township of 3,000 enterprises took 15-25 ms of an
-- incremental run to find its members, most of that run's time.
-- zone_id is a risk_zones id with no foreign key: zones are deactivated, never deleted, and a
-- full placement inserts ~60k rows whose per-row key checks would cost what 0004 saved.
CREATE TABLE risk_zone_members (
    zone_id bigint NOT NULL,
    enterprise_id bigint NOT NULL,
    zone_kind text NOT NULL,
    PRIMARY KEY (zone_id, enterprise_id)
);
CREATE INDEX risk_zone_members_enterprise_idx ON risk_zone_members (enterprise_id);

-- Where each enterprise lies now. A point on the edge between two zones of a kind belongs to the
-- one with the lower id only, so an edge never counts twice; only the rare points not properly
-- inside need that lookup. (Zones that overlap would each count a point inside both; townships
-- and grid cells tile the county.)
CREATE VIEW risk_zone_placement AS
SELECT s.id AS zone_id, e.id AS enterprise_id, s.zone_kind
FROM risk_zones s
JOIN enterprises e ON ST_Intersects(s.geom, e.geom)
WHERE s.zone_kind IN ('township', 'grid') AND s.active
  AND (ST_ContainsProperly(s.geom, e.geom)
       OR NOT EXISTS (SELECT 1 FROM risk_zones z
                      WHERE z.zone_kind = s.zone_kind AND z.active AND z.id < s.id
                        AND ST_Intersects(z.geom, e.geom)));

INSERT INTO risk_zone_members (zone_id, enterprise_id, zone_kind)
SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_placement;

-- What a zone reads of each enterprise's current grade, one narrow row per graded enterprise,
-- kept by risk_write_enterprises.sql in the statement that writes the grades: a zone of 3,000
-- members found their current grades by reading each one's latest version backwards in
-- enterprise_risk (12-30 ms per township); here it is one join. A row is written only when one
-- of these fields changes, so a run that moves only scores leaves the table alone.
CREATE TABLE enterprise_current_grades (
    enterprise_id bigint PRIMARY KEY,
    name text NOT NULL,
    supervision_category text NOT NULL,
    colour text NOT NULL,
    major_hazard_level smallint
);
INSERT INTO enterprise_current_grades
SELECT enterprise_id, name, supervision_category, colour, major_hazard_level
FROM enterprise_risk WHERE valid_to IS NULL;
