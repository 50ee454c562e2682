-- Replacing the road content: routes; their pieces go with them (ON DELETE CASCADE).
DELETE FROM road_routes
