-- The published face of each map layer (tiles/layers/<id>.json names these as its `source`).
-- Each view exposes `fid` (stable bigint id), `geom` (4326), `geom_3857` and the published
-- properties; the generic tile and feature queries select from them, so the planner inlines the
-- view and the GiST indexes on the base tables still apply.

CREATE VIEW layer_regions AS
SELECT r.id AS fid, r.code, r.name, r.kind, r.parent_code, r.approximate, r.geom, r.geom_3857
FROM regions r
WHERE r.kind IN ('county', 'township');

CREATE VIEW layer_parks AS
SELECT r.id AS fid, r.code, r.name, r.park_type, r.parent_code AS township_code, r.generated,
       r.geom, r.geom_3857
FROM regions r
WHERE r.kind = 'park';

CREATE VIEW layer_villages AS
SELECT r.id AS fid, r.code, r.name, r.parent_code AS township_code, r.approximate, r.geom,
       r.geom_3857
FROM regions r
WHERE r.kind = 'village';

CREATE VIEW layer_enterprises AS
SELECT e.id AS fid, e.credit_code::text AS credit_code, e.name, e.industry_name,
       e.supervision_category, e.township_code, t.name AS township_name, e.park_code, e.workers,
       e.major_hazard_level::integer AS major_hazard_level,
       -- open = not closed and not rejected; counted per enterprise through hazards_enterprise_idx
       (SELECT count(*) FROM hazards h
         WHERE h.enterprise_id = e.id AND h.status NOT IN ('closed', 'rejected'))::integer AS open_hazards,
       (SELECT count(*) FROM hazards h
         WHERE h.enterprise_id = e.id AND h.level = 'major'
           AND h.status NOT IN ('closed', 'rejected'))::integer AS open_major_hazards,
       e.approximate, e.generated, e.geom, e.geom_3857
FROM enterprises e
LEFT JOIN regions t ON t.code = e.township_code;

CREATE VIEW layer_hazards AS
SELECT h.id AS fid, h.code, h.level, h.status, h.channel, h.description,
       e.name AS enterprise_name, h.township_code, h.found_on::text AS found_on,
       h.deadline::text AS deadline,
       (h.deadline < current_date AND h.status NOT IN ('closed', 'rejected')) AS overdue,
       h.generated, h.geom, h.geom_3857
FROM hazards h
LEFT JOIN enterprises e ON e.id = h.enterprise_id;

CREATE VIEW layer_railways AS
SELECT r.id AS fid, r.name, r.source, r.geom, r.geom_3857
FROM railways r;
