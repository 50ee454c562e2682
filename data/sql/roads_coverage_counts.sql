-- How many risky segments and untreated stretches the stored coverage holds.
SELECT (SELECT count(*) FROM road_risk_segments), (SELECT count(*) FROM road_works_gap_rows)
