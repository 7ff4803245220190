using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

[assembly: HostingStartup(typeof(CustomerProcess.Bench.References.BenchHostingStartup))]

namespace CustomerProcess.Bench.References;

/// <summary>
/// Adds the reference endpoints to the published app, which does not contain them (docs/adr/0045). bench/run.sh
/// copies this assembly next to the app and starts it with
/// <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES=CustomerProcess.Bench.References</c> and
/// <c>DOTNET_STARTUP_HOOKS=&lt;that file&gt;</c>: the hook loads the assembly before the app's Main (the app's
/// dependency list does not name it), then the web host finds this class by the assembly's name. Nothing is added
/// outside the Benchmark environment.
/// </summary>
public sealed class BenchHostingStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices((context, services) =>
        {
            if (!BenchReferences.IsBenchmark(context.HostingEnvironment))
            {
                return;
            }

            services.AddSingleton<IAddedEndpoints, BenchReferences>();
        });
}
