-- SET LOCAL for one transaction, with the setting's name and value as parameters
-- (SET itself cannot take parameters).
SELECT set_config($1, $2, true)
