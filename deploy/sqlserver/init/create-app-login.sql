-- The app's own login and database user (run by docker-compose.yml's db-init with sqlcmd -v AppPassword=...).
-- Idempotent: a second run changes the password to the one given and keeps the rest.
IF DB_ID(N'CustomerProcess') IS NULL
    CREATE DATABASE [CustomerProcess];
GO
IF SUSER_ID(N'customerprocess_app') IS NULL
    CREATE LOGIN [customerprocess_app] WITH PASSWORD = N'$(AppPassword)', CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [customerprocess_app] WITH PASSWORD = N'$(AppPassword)';
GO
USE [CustomerProcess];
GO
IF DATABASE_PRINCIPAL_ID(N'customerprocess_app') IS NULL
    CREATE USER [customerprocess_app] FOR LOGIN [customerprocess_app];
GO
ALTER ROLE db_datareader ADD MEMBER [customerprocess_app];
ALTER ROLE db_datawriter ADD MEMBER [customerprocess_app];
-- Only because compose migrates at start-up (Database__MigrateOnStartup=true). In production apply the
-- idempotent script with an administrative login and leave this role out.
ALTER ROLE db_ddladmin ADD MEMBER [customerprocess_app];
GO
