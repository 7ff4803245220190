#!/usr/bin/env bash
# Writes the idempotent SQL Server migration script: every migration in
# src/CustomerProcess.Infrastructure/Migrations/SqlServer, each guarded by a check of
# __EFMigrationsHistory, so the same file can run against an empty database or one at any
# earlier version. Needs only the .NET SDK: no SQL Server connection is made.
#
#   deploy/sqlserver/generate-migration-script.sh [output.sql]
#
# Default output: artifacts/sqlserver/customerprocess-migrate.sql (not committed).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
out="${1:-artifacts/sqlserver/customerprocess-migrate.sql}"
mkdir -p "$(dirname "$out")"

dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent \
  --project src/CustomerProcess.Infrastructure \
  --startup-project src/CustomerProcess.Infrastructure \
  --context SqlServerAppDbContext \
  --output "$out"

echo "Wrote $out ($(grep -c '^GO' "$out") batches)."
