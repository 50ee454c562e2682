-- Whether any region is stored, i.e. whether the demo (or real data) has been loaded.
SELECT EXISTS (SELECT 1 FROM regions) AS has_data
