-- Every township (code, name): the rows of per-township road tables, including those with
-- nothing to report.
SELECT r.code, r.name FROM regions r WHERE r.kind = 'township' ORDER BY r.code
