-- Places enterprises $1 (a bigint[]) in the township and grid zones they lie in now
-- (risk_zone_placement), changing only the memberships that differ. Answers the zones whose
-- members changed (id, kind): the run regrades them, whenever the enterprise moved (an edit
-- committed while an earlier run was reading is placed here, by the next run).
WITH wanted AS (
    SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_placement
    WHERE enterprise_id = ANY ($1::bigint[])
),
held AS (
    SELECT zone_id, enterprise_id, zone_kind FROM risk_zone_members
    WHERE enterprise_id = ANY ($1::bigint[])
),
gone AS (
    DELETE FROM risk_zone_members m
    USING (SELECT * FROM held EXCEPT SELECT * FROM wanted) x
    WHERE m.zone_id = x.zone_id AND m.enterprise_id = x.enterprise_id
    RETURNING m.zone_id, m.zone_kind
),
added AS (
    INSERT INTO risk_zone_members (zone_id, enterprise_id, zone_kind)
    SELECT * FROM wanted EXCEPT SELECT * FROM held
    RETURNING zone_id, zone_kind
)
SELECT zone_id, zone_kind FROM gone UNION SELECT zone_id, zone_kind FROM added
ORDER BY 1
