using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SectionsWaitingSince : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "WaitingSinceUtc",
                table: "ReviewSections",
                type: "datetime2",
                nullable: true);

            // Hand-written backfill: a pending section of a review in progress waits since the review's opening.
            migrationBuilder.Sql(
                "UPDATE \"ReviewSections\" SET \"WaitingSinceUtc\" = " +
                "(SELECT r.\"OpenedAtUtc\" FROM \"Reviews\" r WHERE r.\"Id\" = \"ReviewSections\".\"ReviewId\") " +
                "WHERE \"Status\" = 'Pending' AND EXISTS " +
                "(SELECT 1 FROM \"Reviews\" r WHERE r.\"Id\" = \"ReviewSections\".\"ReviewId\" AND r.\"Status\" = 'InProgress');");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSections_DepartmentCode_WaitingSinceUtc",
                table: "ReviewSections",
                columns: new[] { "DepartmentCode", "WaitingSinceUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewSections_DepartmentCode_WaitingSinceUtc",
                table: "ReviewSections");

            migrationBuilder.DropColumn(
                name: "WaitingSinceUtc",
                table: "ReviewSections");
        }
    }
}
