-- Live feeds end the moment their session or membership does: every change that can end one announces the
-- user concerned on the "benchflow_access" channel (delivered on commit), whichever code path made it.
-- Feeds of that user re-check their session and membership at once (src/server/realtime/studio-events.ts).
CREATE OR REPLACE FUNCTION notify_access_changed() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  affected text;
BEGIN
  IF TG_TABLE_NAME = 'User' THEN
    affected := NEW."id";
  ELSIF TG_OP = 'DELETE' THEN
    affected := OLD."userId";
  ELSE
    affected := NEW."userId";
  END IF;
  PERFORM pg_notify('benchflow_access', affected);
  RETURN NULL;
END $$;

-- Sign out everywhere, password change or reset.
CREATE TRIGGER access_changed AFTER UPDATE OF "sessionVersion" ON "User"
  FOR EACH ROW WHEN (OLD."sessionVersion" IS DISTINCT FROM NEW."sessionVersion") EXECUTE FUNCTION notify_access_changed();
-- Removed from a studio (or the studio deleted), or a new role.
CREATE TRIGGER access_changed AFTER DELETE OR UPDATE OF "role" ON "Membership"
  FOR EACH ROW EXECUTE FUNCTION notify_access_changed();
-- A plain sign-out.
CREATE TRIGGER access_changed AFTER INSERT ON "RevokedSession"
  FOR EACH ROW EXECUTE FUNCTION notify_access_changed();
