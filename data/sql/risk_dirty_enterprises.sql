-- The enterprises changed (inserted, edited, moved or deleted) up to dirty id $1.
SELECT DISTINCT d.enterprise_id FROM risk_dirty d
WHERE d.id <= $1 AND d.kind = 'enterprise' AND d.enterprise_id IS NOT NULL
ORDER BY 1
