-- Removes rejected rows from the staging table (an --accept-partial import loads the rest).
DELETE FROM import_staging WHERE _row = ANY($1::bigint[])
