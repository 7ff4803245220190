using CustomerProcess.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>Chooses the provider from configuration ("Database:Provider") and registers
/// <see cref="AppDbContext"/> as the context every feature uses.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsNamespace = "CustomerProcess.Infrastructure.Migrations.Sqlite";
    public const string SqlServerMigrationsNamespace = "CustomerProcess.Infrastructure.Migrations.SqlServer";

    public static void SqliteOptions(SqliteDbContextOptionsBuilder options) =>
        options.MigrationsHistoryTable("__EFMigrationsHistory");

    /// <summary>
    /// SQLite cannot alter a column or a foreign key in place, so EF rebuilds the table (create, copy, drop,
    /// rename) between <c>PRAGMA foreign_keys = 0</c> and <c>= 1</c>. SQLite ignores that pragma inside a transaction,
    /// so EF runs it outside and warns on every first start ("cannot be executed in a transaction", migration
    /// ReturnsAgainstContracts). The pragma is a setting of the connection, not of the file: nothing of it persists.
    /// The rebuild itself and the history row run in the migration's transaction; what the warning means is that
    /// the statements before the pragma commit on their own, so a crash in between leaves that one migration half
    /// applied. On a new database (the case that logs it) start again on an empty file; an existing database is
    /// backed up before an upgrade (README, "Backup and restore"). Hence not logged as a warning.
    /// </summary>
    public static void SqliteWarnings(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning);

    public static void SqlServerOptions(SqlServerDbContextOptionsBuilder options) =>
        options.EnableRetryOnFailure(3);

    public static DatabaseProvider ProviderFrom(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    /// <summary>
    /// Registers the context for the configured provider. Interceptors registered in the container as
    /// <see cref="IInterceptor"/> are added after the app's own (none in the app; tests use it to fail a save midway). Contexts are pooled (ADR 0009): their
    /// options, interceptors and EF's internal services are built once, not per request, so every
    /// interceptor is a singleton and keeps per-context state keyed by the context's pool lease.
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<VersionInterceptor>();
        services.AddSingleton<ChangeGenerations>();
        services.AddScoped<DocumentNumbers>();
        var provider = ProviderFrom(configuration);
        var connectionString = configuration.GetConnectionString("Default");

        if (provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:Default is required for SQL Server.");
            }

            services.AddDbContextPool<SqlServerAppDbContext>((sp, options) => options
                .UseSqlServer(connectionString, SqlServerOptions)
                .AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ChangeGenerations>())
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
        }
        else
        {
            connectionString = string.IsNullOrWhiteSpace(connectionString) ? "Data Source=customerprocess.db" : connectionString;
            services.AddDbContextPool<SqliteAppDbContext>((sp, options) => options
                .UseSqlite(connectionString, SqliteOptions)
                .ConfigureWarnings(SqliteWarnings)
                .AddInterceptors(sp.GetRequiredService<VersionInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ChangeGenerations>(), SqliteConnectionSettings.Instance)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
        }

        return services;
    }
}
