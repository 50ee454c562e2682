-- Health check: proves a connection, a transaction and the PostGIS extension all work.
SELECT postgis_lib_version()
