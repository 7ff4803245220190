using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Foundation;

[Collection(AppCollection.Name)]
public sealed class SqlServerTranslationTests(AppFactory app)
{
    [Fact]
    public async Task The_queries_a_signed_in_user_runs_on_SQLite_are_also_compiled_for_SQL_Server()
    {
        using var client = app.CreateBrowserClient();
        await client.SignInAsync("salesmanager");
        foreach (var page in new[] { "/", "/Customers", "/Orders" })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(page)).Status);
        }

        Assert.True(SqlServerTranslationCheck.Checked > 0);
    }

    [Fact]
    public void A_query_only_SQLite_can_run_is_reported_and_a_portable_one_is_not()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);

        SqlServerTranslationCheck.Translate(sqlite.Customers.Where(c => c.Name.StartsWith("AB")).OrderBy(c => c.Code).Take(5).Expression);
        var error = Assert.Throws<InvalidOperationException>(() =>
            SqlServerTranslationCheck.Translate(sqlite.Customers.Where(c => EF.Functions.Glob(c.Name, "A*")).Expression));
        Assert.Contains("does not translate for SQL Server", error.Message, StringComparison.Ordinal);
    }
}
