using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Infrastructure.Runtime;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Infrastructure;

// "backup <file>": an online backup of the SQLite database the configuration names, while the app runs
// (README, "Backup and restore"). The remaining arguments are the app's usual settings (--environment, …).
if (args is ["backup", var backupTarget, ..])
{
    var settings = WebApplication.CreateBuilder(args[2..]).Configuration;
    if (DatabaseSetup.ProviderFrom(settings) != DatabaseProvider.Sqlite)
    {
        Console.Error.WriteLine("The backup command copies the SQLite database; back up SQL Server with BACKUP DATABASE (deploy/sqlserver/README.md).");
        Environment.ExitCode = 2;
        return;
    }

    await SqliteBackup.BackupAsync(settings.GetConnectionString("Default") ?? "Data Source=customerprocess.db", backupTarget);
    Console.WriteLine($"Backed up to {Path.GetFullPath(backupTarget)}");
    return;
}

// "probe <url>": the container's health check (the runtime image has no curl): exit 0 when the URL answers 200.
if (args is ["probe", var probeUrl])
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    try
    {
        using var reply = await http.GetAsync(new Uri(probeUrl));
        Environment.ExitCode = reply.IsSuccessStatusCode ? 0 : 1;
    }
    catch (HttpRequestException)
    {
        Environment.ExitCode = 1;
    }
    catch (TaskCanceledException)
    {
        Environment.ExitCode = 1;
    }

    return;
}

// "verify-audit": walks the audit chain (docs/adr/0031); exit 0 when intact, 1 naming the first broken row.
if (args is ["verify-audit", ..])
{
    var verifyBuilder = WebApplication.CreateBuilder(args[1..]);
    verifyBuilder.AddCustomerProcess();
    await using var verifyApp = verifyBuilder.Build();
    Environment.ExitCode = await CustomerProcess.Web.Features.Audit.VerifyAuditCommand.RunAsync(verifyApp.Services, Console.Out);
    return;
}

NativeHeap.Tune();

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomerProcess();

var app = builder.Build();
app.UseCustomerProcess();

await DatabaseInitializer.InitializeAsync(app.Services);
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
