-- Servers keep the table versions in memory (data/src/version_watch.cpp) and re-read them when
-- PostgreSQL says they changed, so a cached tile is answered without a query. NOTIFY is
-- delivered at commit and identical notifications of one transaction are folded into one.
CREATE FUNCTION notify_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('riskatlas_data_versions', '');
    RETURN NULL;
END $$;

CREATE TRIGGER data_versions_notify AFTER INSERT OR UPDATE OR DELETE ON data_versions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_data_versions();
