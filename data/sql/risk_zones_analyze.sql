-- After the zones or their members were rebuilt (the first run, a region edit, a new cell size, a
-- bulk change): fresh planner statistics, so that the next incremental runs' spatial lookups of a
-- few zones use the index (without them a fresh database plans a scan of every zone: 0.15 s per
-- lookup at 14k zones) and their member reads the primary key.
ANALYZE risk_zones, risk_zone_members
