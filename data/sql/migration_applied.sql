-- Whether the migration named $1 has been applied already.
SELECT 1 FROM schema_migrations WHERE name = $1
