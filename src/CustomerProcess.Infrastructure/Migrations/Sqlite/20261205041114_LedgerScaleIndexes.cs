using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_ReminderKey",
                table: "Notifications");

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_SalesUserId_Status",
                table: "SalesOrders",
                columns: new[] { "SalesUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ReminderKey_UserId",
                table: "Notifications",
                columns: new[] { "ReminderKey", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Currency_AmountMinor_DeliveredMinor_InvoicedMinor_PaidMinor",
                table: "Contracts",
                columns: new[] { "Currency", "AmountMinor", "DeliveredMinor", "InvoicedMinor", "PaidMinor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_SalesUserId_Status",
                table: "SalesOrders");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ReminderKey_UserId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_Currency_AmountMinor_DeliveredMinor_InvoicedMinor_PaidMinor",
                table: "Contracts");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReminderKey",
                table: "Notifications",
                columns: new[] { "UserId", "ReminderKey" },
                unique: true);
        }
    }
}
