-- Records a finished treatment of bridge $1 on date $2 with outcome $3 (treated | demolished);
-- a bridge treated after its rating is no longer a danger bridge. Returns the code, or no row.
UPDATE bridges
SET treated_at = $2::date, status = $3, interim_measure = 'none'
WHERE code = $1
RETURNING code
