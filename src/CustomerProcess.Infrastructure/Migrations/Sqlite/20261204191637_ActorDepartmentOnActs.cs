using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActorDepartmentOnActs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "InspectedByDepartment",
                table: "Returns",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeByDepartment",
                table: "Returns",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedByDepartment",
                table: "CorrectiveActions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredByDepartment",
                table: "Complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByDepartment",
                table: "Complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Data: acts recorded before docs/adr/0035 kept the login name; put the person's display name and
            // department in their place where the login name still names a user (the user table as it is now).
            foreach (var (table, name, department) in new[]
            {
                ("Complaints", "AnsweredByName", "AnsweredByDepartment"),
                ("Complaints", "ClosedByName", "ClosedByDepartment"),
                ("CorrectiveActions", "VerifiedByName", "VerifiedByDepartment"),
                ("Returns", "InspectedByName", "InspectedByDepartment"),
                ("Returns", "OutcomeByName", "OutcomeByDepartment"),
            })
            {
                migrationBuilder.Sql(
                    $"UPDATE {table} SET {department} = (SELECT d.Code FROM AspNetUsers u JOIN Departments d ON d.Id = u.DepartmentId WHERE u.UserName = {table}.{name}), "
                    + $"{name} = (SELECT u.DisplayName FROM AspNetUsers u WHERE u.UserName = {table}.{name}) "
                    + $"WHERE {name} IN (SELECT UserName FROM AspNetUsers WHERE DisplayName <> '');");
            }

            // The oral-order confirmation's recorder (记录人) was kept as the login name too.
            migrationBuilder.Sql(
                "UPDATE SalesOrders SET OralConfirmationRecordedBy = (SELECT u.DisplayName FROM AspNetUsers u WHERE u.UserName = SalesOrders.OralConfirmationRecordedBy) "
                + "WHERE OralConfirmationRecordedBy IN (SELECT UserName FROM AspNetUsers WHERE DisplayName <> '');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InspectedByDepartment",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "OutcomeByDepartment",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "VerifiedByDepartment",
                table: "CorrectiveActions");

            migrationBuilder.DropColumn(
                name: "AnsweredByDepartment",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ClosedByDepartment",
                table: "Complaints");
        }
    }
}
