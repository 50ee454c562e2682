SELECT EXISTS (SELECT 1 FROM risk_runs WHERE id = $1 AND finished_at IS NOT NULL)
