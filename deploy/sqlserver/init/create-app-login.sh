#!/usr/bin/env bash
# docker-compose.yml's db-init: creates the database and the app's own login (idempotent), then exits.
set -euo pipefail
sqlcmd=(/opt/mssql-tools18/bin/sqlcmd -C)   # tools18 needs -C to trust the self-signed certificate
[ -x "${sqlcmd[0]}" ] || sqlcmd=(/opt/mssql-tools/bin/sqlcmd)
"${sqlcmd[@]}" -S sqlserver -U sa -P "$MSSQL_SA_PASSWORD" -b -i /init/create-app-login.sql -v AppPassword="$APP_DB_PASSWORD"
echo "db-init: database and login customerprocess_app ready"
