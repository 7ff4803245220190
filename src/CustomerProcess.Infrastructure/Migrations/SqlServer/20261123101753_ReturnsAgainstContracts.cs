using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReturnsAgainstContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ComplaintId",
                table: "Returns",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.AddColumn<Guid>(
                name: "ContractId",
                table: "Returns",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Disposition",
                table: "Returns",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InspectedAtUtc",
                table: "Returns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OutcomeAtUtc",
                table: "Returns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ProductId",
                table: "Returns",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegisteredAtUtc",
                table: "Returns",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredByName",
                table: "Returns",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegisteredByUserId",
                table: "Returns",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Returns",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Returns_ContractId",
                table: "Returns",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_Returns_ProductId",
                table: "Returns",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Returns_ReceivedAtUtc",
                table: "Returns",
                column: "ReceivedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Returns_Status_ReceivedAtUtc",
                table: "Returns",
                columns: new[] { "Status", "ReceivedAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Returns_Contracts_ContractId",
                table: "Returns",
                column: "ContractId",
                principalTable: "Contracts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Returns_Products_ProductId",
                table: "Returns",
                column: "ProductId",
                principalTable: "Products",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Returns_Contracts_ContractId",
                table: "Returns");

            migrationBuilder.DropForeignKey(
                name: "FK_Returns_Products_ProductId",
                table: "Returns");

            migrationBuilder.DropIndex(
                name: "IX_Returns_ContractId",
                table: "Returns");

            migrationBuilder.DropIndex(
                name: "IX_Returns_ProductId",
                table: "Returns");

            migrationBuilder.DropIndex(
                name: "IX_Returns_ReceivedAtUtc",
                table: "Returns");

            migrationBuilder.DropIndex(
                name: "IX_Returns_Status_ReceivedAtUtc",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "ContractId",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "Disposition",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "InspectedAtUtc",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "OutcomeAtUtc",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "ProductId",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "RegisteredAtUtc",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "RegisteredByName",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "RegisteredByUserId",
                table: "Returns");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Returns");

            migrationBuilder.AlterColumn<Guid>(
                name: "ComplaintId",
                table: "Returns",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);
        }
    }
}
