-- Replacing the road content: waterways.
DELETE FROM waterways
