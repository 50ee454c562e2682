-- Places every enterprise in the township and grid zones it lies in now, after
-- risk_zone_members_clear.sql: after the zones were rebuilt, a bulk change or on a forced full
-- run, all of which regrade every zone. (A separate statement from the per-enterprise one, so
-- that neither is planned for the other's case.)
INSERT INTO risk_zone_members (zone_id, enterprise_id, zone_kind)
SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_placement
