-- Before every enterprise is placed again (risk_zone_members_place_all.sql).
DELETE FROM risk_zone_members
