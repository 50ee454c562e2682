-- After a full run rewrote most result rows: fresh planner statistics, so the next incremental
-- run's lookups (by run id, by zone) are planned for the tables as they now are.
ANALYZE enterprise_risk, park_risk, zone_risk, hazard_density, risk_zones
