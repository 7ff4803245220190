using CustomerProcess.Infrastructure.Runtime;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Infrastructure;

NativeHeap.Tune();

var builder = WebApplication.CreateBuilder(args);
builder.AddCustomerProcess();

var app = builder.Build();
app.UseCustomerProcess();

await DatabaseInitializer.InitializeAsync(app.Services);
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
