using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ManagementReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Reviews_OpenedAtUtc",
                table: "Reviews",
                column: "OpenedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_Status_DecidedAtUtc",
                table: "Reviews",
                columns: new[] { "Status", "DecidedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_DeliveredOn",
                table: "Deliveries",
                column: "DeliveredOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Reviews_OpenedAtUtc",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_Status_DecidedAtUtc",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Deliveries_DeliveredOn",
                table: "Deliveries");
        }
    }
}
