-- Replacing the road content: risky segments, imported and derived (they reference routes).
DELETE FROM road_risk_segments
