-- Enterprises whose grade may have changed since the last run: marked by the input triggers up
-- to dirty id $1, or holding an open hazard that became overdue since the last run's day $2.
SELECT d.enterprise_id FROM risk_dirty d WHERE d.id <= $1 AND d.enterprise_id IS NOT NULL
UNION
SELECT h.enterprise_id FROM hazards h
WHERE h.enterprise_id IS NOT NULL AND h.status NOT IN ('closed', 'rejected')
  AND h.deadline >= $2::date AND h.deadline < current_date
