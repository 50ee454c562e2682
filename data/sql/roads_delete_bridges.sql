-- Replacing the road content: bridges; their inspections go with them (ON DELETE CASCADE).
DELETE FROM bridges
