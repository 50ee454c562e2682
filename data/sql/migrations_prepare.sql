-- Serialises concurrent migrators for the rest of this transaction (the key is arbitrary but
-- fixed: the ASCII of "riskatls").
SELECT pg_advisory_xact_lock(8245937491052311667)
