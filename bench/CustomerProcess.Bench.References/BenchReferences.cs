using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerProcess.Bench.References;

/// <summary>
/// Reference endpoints of the load benchmark (bench/run.sh, docs/adr/0006): not in the published app; loaded by
/// <see cref="BenchHostingStartup"/> when bench/run.sh starts the app with this assembly, and then only in the
/// "Benchmark" environment (docs/adr/0045).
/// R0 returns a fixed string (the ceiling of the host with the app's middleware), R1 reads the 50
/// newest ledger rows with raw ADO.NET and writes HTML by hand, R2 (<see cref="BenchController"/>)
/// reads the same rows with a no-tracking EF query and renders them with a plain Razor view.
/// </summary>
public sealed class BenchReferences : IAddedEndpoints
{
    public const string EnvironmentName = "Benchmark";
    public const int Rows = 50;

    /// <summary>The ledger's default order, newest first; R1 and R2 read the same rows.</summary>
    internal const string LedgerSql = """
        SELECT c."Number", cu."Name", cu."Code", c."AmountMinor", c."SignedOn", c."Status", o."Number"
        FROM "Contracts" AS c
        JOIN "Customers" AS cu ON cu."Id" = c."CustomerId"
        JOIN "SalesOrders" AS o ON o."Id" = c."OrderId"
        ORDER BY c."SignedOn" DESC, c."Number" DESC
        LIMIT 50
        """;

    public static bool IsBenchmark(IHostEnvironment environment) => environment.IsEnvironment(EnvironmentName);

    public void Map(WebApplication app)
    {
        if (!IsBenchmark(app.Environment))
        {
            return;
        }

        // R2's controller and view: this assembly as an MVC part (controllers and compiled Razor views), added before
        // MVC first lists its actions.
        var parts = app.Services.GetRequiredService<ApplicationPartManager>();
        var assembly = typeof(BenchReferences).Assembly;
        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            parts.ApplicationParts.Add(part);
        }

        var connectionString = app.Configuration.GetConnectionString("Default") ?? "Data Source=customerprocess.db";
        app.MapGet("/bench/r0", () => "OK").AllowAnonymous();
        app.MapGet("/bench/r1", async (CancellationToken cancellationToken) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = LedgerSql;
            var html = new StringBuilder(8192).Append(PageStart);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Row(
                    html, reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                    DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetString(5), reader.GetString(6));
            }

            return Results.Content(html.Append(PageEnd).ToString(), "text/html; charset=utf-8");
        }).AllowAnonymous();

        // The managed heap as the GC sees it and SQLite's own allocations, for the memory lines of bench/run.sh.
        app.MapGet("/bench/gc", () =>
        {
            var info = GC.GetGCMemoryInfo();
            const double MB = 1024 * 1024;
            return Results.Text(string.Create(
                CultureInfo.InvariantCulture,
                $"MB: heap {info.HeapSizeBytes / MB:F1}, committed {info.TotalCommittedBytes / MB:F1}, fragmented {info.FragmentedBytes / MB:F1}, " +
                $"gen0/1/2/LOH/POH {info.GenerationInfo[0].SizeAfterBytes / MB:F1}/{info.GenerationInfo[1].SizeAfterBytes / MB:F1}/{info.GenerationInfo[2].SizeAfterBytes / MB:F1}" +
                $"/{info.GenerationInfo[3].SizeAfterBytes / MB:F1}/{info.GenerationInfo[4].SizeAfterBytes / MB:F1}; " +
                $"collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
                $"paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, " +
                $"gen0 budget up to {Convert.ToDouble(GC.GetConfigurationVariables().GetValueOrDefault("GCGen0MaxBudget", 0L), CultureInfo.InvariantCulture) / MB:F1}; " +
                $"JIT-compiled methods {System.Runtime.JitInfo.GetCompiledMethodCount()}; pool threads {ThreadPool.ThreadCount}; " +
                $"SQLite MB in use {SQLitePCL.raw.sqlite3_memory_used() / MB:F1} (peak {SQLitePCL.raw.sqlite3_memory_highwater(0) / MB:F1})"));
        }).AllowAnonymous();
    }

    internal const string PageStart = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" /><title>Ledger reference</title></head><body>\n<table><thead><tr><th>Contract</th><th>Customer</th><th>Amount</th><th>Signed on</th><th>Status</th><th>Order</th></tr></thead><tbody>\n";

    internal const string PageEnd = "</tbody></table>\n</body></html>\n";

    internal static string Amount(long minor) => (minor / 100m).ToString("N2", CultureInfo.InvariantCulture);

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder html, string number, string name, string code, long amountMinor, DateOnly signedOn, string status, string order)
    {
        var e = HtmlEncoder.Default;
        html.Append("<tr><td>").Append(e.Encode(number)).Append("</td><td>").Append(e.Encode(name)).Append(" <small>").Append(e.Encode(code))
            .Append("</small></td><td>").Append(Amount(amountMinor)).Append("</td><td>").Append(Day(signedOn))
            .Append("</td><td>").Append(e.Encode(status)).Append("</td><td>").Append(e.Encode(order)).Append("</td></tr>\n");
    }
}
