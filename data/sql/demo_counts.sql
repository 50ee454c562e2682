-- Row counts of the base tables, regions split by kind (one snapshot; used after loading).
SELECT (SELECT count(*) FROM regions WHERE kind = 'county') AS counties,
       (SELECT count(*) FROM regions WHERE kind = 'township') AS townships,
       (SELECT count(*) FROM regions WHERE kind = 'village') AS villages,
       (SELECT count(*) FROM regions WHERE kind = 'park') AS parks,
       (SELECT count(*) FROM enterprises) AS enterprises,
       (SELECT count(*) FROM hazards) AS hazards,
       (SELECT count(*) FROM railways) AS railways
