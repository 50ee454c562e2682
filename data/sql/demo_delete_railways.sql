-- Replacing the demo content: the railway lines.
DELETE FROM railways
