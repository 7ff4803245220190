using System.Net;
using CustomerProcess.Web.Tests.Support;

namespace CustomerProcess.Web.Tests.Operations;

[Collection(AppCollection.Name)]
public sealed class HealthTests(AppFactory app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Liveness_and_readiness_answer_healthy_on_a_migrated_database_without_signing_in(string path)
    {
        using var client = app.CreateBrowserClient();
        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class UnreachableDatabaseTests
{
    [Fact]
    public async Task Readiness_fails_and_liveness_stays_up_when_the_database_is_unreachable()
    {
        using var app = new AppFactory();
        using var client = app.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);

        // The database file goes away and a folder takes its name: SQLite cannot open it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(app.DatabasePath + suffix);
        }

        Directory.CreateDirectory(app.DatabasePath);
        try
        {
            var ready = await client.Http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());

            var live = await client.Http.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            Directory.Delete(app.DatabasePath);
        }
    }
}
