-- Merges the staged premises by code in one statement. $1 lists the model fields the file
-- provided: an existing record keeps every other field, and a record whose provided values are
-- all unchanged is not written (no new version). A record without a township gets the one its
-- position lies in; a new record without a status is in use if it is a rental house, else idle.
-- A record the file names is real data from now on: the demo's `generated` flag goes.
WITH found AS (
    -- the township each staged position lies in, as one join
    SELECT DISTINCT ON (s._row) s._row, r.code
    FROM import_staging s
    JOIN regions r ON r.kind = 'township' AND ST_Intersects(r.geom, ST_SetSRID(s.geom, 4326))
    ORDER BY s._row, r.code
),
merged AS (
    SELECT t.id,
           s.code,
           CASE WHEN 'kind' = ANY($1) THEN s.kind ELSE t.kind END AS kind,
           CASE WHEN 'name' = ANY($1) THEN s.name ELSE t.name END AS name,
           CASE WHEN 'address' = ANY($1) THEN s.address ELSE t.address END AS address,
           COALESCE(CASE WHEN 'township_code' = ANY($1) THEN s.township_code ELSE t.township_code END,
                    f.code) AS township_code,
           CASE WHEN 'status' = ANY($1) THEN s.status ELSE t.status END AS status_given,
           CASE WHEN 'owner_name' = ANY($1) THEN s.owner_name ELSE t.owner_name END AS owner_name,
           CASE WHEN 'contact_name' = ANY($1) THEN s.contact_name ELSE t.contact_name END AS contact_name,
           CASE WHEN 'contact_phone' = ANY($1) THEN s.contact_phone ELSE t.contact_phone END AS contact_phone,
           CASE WHEN 'area_m2' = ANY($1) THEN s.area_m2 ELSE t.area_m2 END AS area_m2,
           CASE WHEN 'note' = ANY($1) THEN s.note ELSE t.note END AS note,
           CASE WHEN 'geom' = ANY($1) THEN ST_SetSRID(s.geom, 4326) ELSE t.geom END AS geom,
           t.status AS status_stored
    FROM import_staging s
    LEFT JOIN found f ON f._row = s._row
    LEFT JOIN premises t ON t.code = s.code
),
-- An empty status cell keeps the stored status; a new record takes its kind's usual one.
placed AS (
    SELECT m.id, m.code, m.kind, m.name, m.address, m.township_code, m.owner_name, m.contact_name,
           m.contact_phone, m.area_m2, m.note, m.geom,
           COALESCE(m.status_given, m.status_stored,
                    CASE WHEN m.kind = 'rental_house' THEN 'in_use' ELSE 'idle' END) AS status
    FROM merged m
),
updated AS (
    UPDATE premises x SET
        kind = m.kind,
        name = m.name,
        address = m.address,
        township_code = m.township_code,
        status = m.status,
        owner_name = m.owner_name,
        contact_name = m.contact_name,
        contact_phone = m.contact_phone,
        area_m2 = m.area_m2,
        note = m.note,
        geom = m.geom,
        generated = false
    FROM placed m
    WHERE x.id = m.id AND (x.kind, x.name, x.address, x.township_code, x.status, x.owner_name, x.contact_name, x.contact_phone, x.area_m2, x.note, x.geom, x.generated)
          IS DISTINCT FROM (m.kind, m.name, m.address, m.township_code, m.status, m.owner_name, m.contact_name, m.contact_phone, m.area_m2, m.note, m.geom, false)
    RETURNING 1
),
inserted AS (
    INSERT INTO premises (code, kind, name, address, township_code, status, owner_name, contact_name, contact_phone, area_m2, note, geom)
    SELECT m.code, m.kind, m.name, m.address, m.township_code, m.status, m.owner_name, m.contact_name, m.contact_phone, m.area_m2, m.note, m.geom
    FROM placed m WHERE m.id IS NULL
    RETURNING 1
)
SELECT (SELECT count(*) FROM inserted) AS inserted, (SELECT count(*) FROM updated) AS updated;
