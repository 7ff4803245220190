using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SectionsByReviewAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReviewSections_ReviewId_Status_DepartmentCode",
                table: "ReviewSections",
                columns: new[] { "ReviewId", "Status", "DepartmentCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewSections_ReviewId_Status_DepartmentCode",
                table: "ReviewSections");
        }
    }
}
