-- Row counts and lengths of the road tables (one snapshot; used after loading).
SELECT (SELECT count(*) FROM road_routes) AS routes,
       (SELECT count(*) FROM road_pieces) AS pieces,
       (SELECT coalesce(sum(to_m - from_m), 0) / 1000 FROM road_pieces) AS route_km,
       (SELECT count(*) FROM waterways) AS waterways,
       (SELECT count(*) FROM bridges) AS bridges,
       (SELECT count(*) FROM bridges WHERE danger) AS danger_bridges,
       (SELECT count(*) FROM bridge_inspections) AS inspections,
       (SELECT count(*) FROM road_risk_segments) AS segments,
       (SELECT count(*) FROM road_risk_segments WHERE source = 'derived') AS derived_segments,
       (SELECT count(*) FROM safety_works) AS works
