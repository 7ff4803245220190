using CustomerProcess.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CustomerProcess.Web.Tests.Foundation;

/// <summary>The migration that adds <c>ReviewSections.WaitingSinceUtc</c> fills it for the records already there: a
/// pending section of a review in progress waits since the review's opening; signed sections and the sections of closed
/// reviews wait for nobody.</summary>
public sealed class SectionsWaitingSinceMigrationTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SectionsWaitingSinceMigrationTests() => connection.Open();

    public void Dispose() => connection.Dispose();

    [Fact]
    public void Existing_sections_get_their_waiting_time_from_their_review()
    {
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection, DatabaseSetup.SqliteOptions).Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var adding = migrations.Single(m => m.EndsWith("_SectionsWaitingSince", StringComparison.Ordinal));
        migrator.Migrate(migrations[migrations.IndexOf(adding) - 1]);

        Review("11111111-0000-0000-0000-000000000001", "InProgress", "2026-03-01 08:00:00");
        Review("11111111-0000-0000-0000-000000000002", "Withdrawn", "2026-03-02 08:00:00");
        Section("22222222-0000-0000-0000-000000000001", "11111111-0000-0000-0000-000000000001", "Quality", "Pending");
        Section("22222222-0000-0000-0000-000000000002", "11111111-0000-0000-0000-000000000001", "Sales", "Signed");
        Section("22222222-0000-0000-0000-000000000003", "11111111-0000-0000-0000-000000000002", "Quality", "Pending");

        migrator.Migrate();

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT \"Id\", \"WaitingSinceUtc\" FROM \"ReviewSections\" ORDER BY \"Id\"";
        using var rows = read.ExecuteReader();
        var waiting = new List<(string Id, string? Since)>();
        while (rows.Read())
        {
            waiting.Add((rows.GetString(0), rows.IsDBNull(1) ? null : rows.GetString(1)));
        }

        Assert.Equal(
            [("22222222-0000-0000-0000-000000000001", "2026-03-01 08:00:00"), ("22222222-0000-0000-0000-000000000002", null), ("22222222-0000-0000-0000-000000000003", null)],
            waiting);
    }

    private void Review(string id, string status, string openedAtUtc) => Execute(
        "INSERT INTO \"Reviews\" (\"Id\", \"BillOfLadingAmount\", \"Concluder\", \"ContentVersion\", \"FullReviewAmount\", \"Level\", \"OpenedAtUtc\", " +
        "\"Reasons\", \"ReviewMeetingAmount\", \"RoutedLevel\", \"Status\", \"SubjectId\", \"SubjectKind\", \"Version\") " +
        $"VALUES ('{id}', '0', 'SalesManager', 1, '0', 'Simplified', '{openedAtUtc}', '[]', '0', 'Simplified', '{status}', '{Guid.NewGuid()}', 'SalesOrder', 0)");

    private void Section(string id, string reviewId, string department, string status) => Execute(
        "INSERT INTO \"ReviewSections\" (\"Id\", \"ReviewId\", \"DepartmentCode\", \"SortOrder\", \"Status\", \"Version\") " +
        $"VALUES ('{id}', '{reviewId}', '{department}', 0, '{status}', 0)");

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
