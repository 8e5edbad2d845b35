-- Row-level security: the second wall behind the studio-scoped procedures.
-- The application connects as benchflow_app (not an owner, NOBYPASSRLS) and sets the tenant per transaction
-- with set_config('app.current_tenant', <studioId>, true). The migration owner (a superuser or a BYPASSRLS
-- role) is used only for sign-in, membership checks and cross-tenant jobs.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'benchflow_app') THEN
    CREATE ROLE benchflow_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;

ALTER ROLE benchflow_app SET statement_timeout = '5s';
ALTER ROLE benchflow_app SET lock_timeout = '3s';
ALTER ROLE benchflow_app SET idle_in_transaction_session_timeout = '15s';

GRANT USAGE ON SCHEMA public TO benchflow_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO benchflow_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO benchflow_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO benchflow_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO benchflow_app;
REVOKE ALL ON "_prisma_migrations" FROM benchflow_app;

-- After a commit the setting reads '' rather than NULL, hence nullif.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.current_tenant', true), '') $$;

ALTER TABLE "Studio" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Studio" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Studio"
  USING ("id" = app_current_tenant()) WITH CHECK ("id" = app_current_tenant());

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership"
  USING ("studioId" = app_current_tenant()) WITH CHECK ("studioId" = app_current_tenant());
