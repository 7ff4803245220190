using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerProcess.Infrastructure.Seeding;

/// <summary>
/// Start-up: apply migrations (always for the embedded SQLite database; for SQL Server only
/// when Database:MigrateOnStartup is true), then make sure roles and departments exist,
/// and in Development load the demo data.
/// </summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var provider = scope.ServiceProvider;
        var configuration = provider.GetRequiredService<IConfiguration>();
        var environment = provider.GetRequiredService<IHostEnvironment>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var db = provider.GetRequiredService<AppDbContext>();

        var migrate = DatabaseSetup.ProviderFrom(configuration) == DatabaseProvider.Sqlite
            || configuration.GetValue("Database:MigrateOnStartup", false);
        // Migrate only when a migration is pending: the list comes from the migration attributes and the
        // history table, while MigrateAsync also builds the model snapshot to look for unmigrated model
        // changes, which on every start of an up-to-date database cost start-up time and memory.
        if (migrate && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer: many people read while one signs.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // Rows from before the audit chain (docs/adr/0031) are chained once, before anything new is written.
        await AuditVerification.ChainRowsFromBeforeTheChainAsync(db, cancellationToken);

        await EnsureRolesAsync(provider.GetRequiredService<RoleManager<IdentityRole>>());
        await EnsureDepartmentsAsync(db, cancellationToken);

        var loadDemo = configuration.GetValue("DemoData:Enabled", environment.IsDevelopment());
        if (loadDemo && await DemoData.LoadAsync(provider, cancellationToken))
        {
            logger.LogInformation("Demo data is loaded (Development).");
        }

        // The demo business records (ADR 0030): on for `dotnet run` in Development, off in the test factory.
        if (loadDemo && configuration.GetValue("DemoData:BusinessRecords", false) && await DemoRecords.SeedAsync(provider, cancellationToken))
        {
            logger.LogInformation("Demo records are seeded: orders, reviews, contracts, notices, complaints and a survey of the last months.");
        }
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }

    private static async Task EnsureDepartmentsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Departments.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Departments.AddRange(ReferenceData.NewDepartments());
        await db.SaveChangesAsync(cancellationToken);
    }
}
