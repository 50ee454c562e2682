-- One recompute at a time: runs read the current results and write the next version, so two
-- concurrent runs would each close rows the other just wrote. Held until the transaction ends.
SELECT pg_advisory_xact_lock(7263011)
