-- Roles and database of Marketplace. Run by psql as a superuser, with variables:
--   owner_password, app_password   ('' = no password: local loopback instances use trust authentication)
-- marketplace_owner owns the schema and runs migrations. marketplace_app is what the Api and Workers connect as:
-- it owns no table, is no superuser and cannot bypass row-level security (see docs/decisions/0003-database-roles.md).
\set ON_ERROR_STOP on
SET client_min_messages = warning;

SELECT format('CREATE ROLE marketplace_owner LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketplace_owner') \gexec
SELECT format('CREATE ROLE marketplace_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'marketplace_app') \gexec

SELECT CASE WHEN :'owner_password' = '' THEN 'ALTER ROLE marketplace_owner PASSWORD NULL'
            ELSE format('ALTER ROLE marketplace_owner PASSWORD %L', :'owner_password') END \gexec
SELECT CASE WHEN :'app_password' = '' THEN 'ALTER ROLE marketplace_app PASSWORD NULL'
            ELSE format('ALTER ROLE marketplace_app PASSWORD %L', :'app_password') END \gexec

SELECT 'CREATE DATABASE marketplace OWNER marketplace_owner ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'marketplace') \gexec

\connect marketplace
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Tables created by the owner (migrations) are readable and writable by the app role, nothing more. Only default
-- privileges: a blanket GRANT on existing tables would, when this file runs again on a live database, give back
-- what a migration took away on purpose (UPDATE and DELETE on the append-only audit_entries).
ALTER DEFAULT PRIVILEGES FOR ROLE marketplace_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO marketplace_app;
ALTER DEFAULT PRIVILEGES FOR ROLE marketplace_owner IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO marketplace_app;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
