-- Inserts enterprises from one JSON array ($1), in array order; geom_wkb is hex WKB or null
-- (an address not yet geocoded).
INSERT INTO enterprises (credit_code, name, industry_code, industry_name, supervision_category,
                         township_code, park_code, address, workers, major_hazard_level,
                         hazardous_processes, reaction_hazard_level, standardisation_level,
                         monitoring_connected, accidents_3y, approximate, generated, geom)
SELECT r.credit_code, r.name, r.industry_code, r.industry_name, r.supervision_category,
       r.township_code, r.park_code, r.address, r.workers, r.major_hazard_level,
       coalesce(r.hazardous_processes, '{}'), r.reaction_hazard_level, r.standardisation_level,
       r.monitoring_connected, r.accidents_3y, r.approximate, r.generated,
       ST_GeomFromWKB(decode(r.geom_wkb, 'hex'), 4326)
FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS item(obj, n)
CROSS JOIN LATERAL jsonb_to_record(item.obj) AS r(
    credit_code text, name text, industry_code text, industry_name text,
    supervision_category text, township_code text, park_code text, address text,
    workers integer, major_hazard_level smallint, hazardous_processes text[],
    reaction_hazard_level smallint, standardisation_level smallint,
    monitoring_connected boolean, accidents_3y integer, approximate boolean, generated boolean,
    geom_wkb text)
ORDER BY item.n
