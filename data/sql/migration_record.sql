-- Records the migration named $1 as applied.
INSERT INTO schema_migrations (name) VALUES ($1)
