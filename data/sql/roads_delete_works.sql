-- Replacing the road content: safety works first (they reference routes).
DELETE FROM safety_works
