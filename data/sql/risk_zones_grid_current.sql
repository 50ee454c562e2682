-- Whether grid $1 ('grid' or 'density') already has active cells of size $2 metres and none of
-- another size (codes are "<grid>:<size>:<i>:<j>", risk_zones_grid.sql). Region edits are caught
-- apart, as changes that need a full run.
SELECT EXISTS (SELECT 1 FROM risk_zones z
               WHERE z.zone_kind = $1 AND z.active
                 AND z.code LIKE $1 || ':' || round($2::numeric, 1)::text || ':%')
   AND NOT EXISTS (SELECT 1 FROM risk_zones z
                   WHERE z.zone_kind = $1 AND z.active
                     AND z.code NOT LIKE $1 || ':' || round($2::numeric, 1)::text || ':%')
