using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RetentionDisposal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DisposalId",
                table: "Complaints",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisposedAtUtc",
                table: "Complaints",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DisposalRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RecordType = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RecordCount = table.Column<int>(type: "int", nullable: false),
                    RetentionYears = table.Column<int>(type: "int", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DecidedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ExecutedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ExecutedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ExecutedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisposalRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DisposalItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DisposalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecordNumber = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisposalItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisposalItems_DisposalRecords_DisposalId",
                        column: x => x.DisposalId,
                        principalTable: "DisposalRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_DisposalId",
                table: "Complaints",
                column: "DisposalId");

            migrationBuilder.CreateIndex(
                name: "IX_DisposalItems_DisposalId_RecordId",
                table: "DisposalItems",
                columns: new[] { "DisposalId", "RecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisposalItems_RecordId",
                table: "DisposalItems",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_DisposalRecords_Number",
                table: "DisposalRecords",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DisposalRecords_Status_RequestedAtUtc",
                table: "DisposalRecords",
                columns: new[] { "Status", "RequestedAtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_DisposalRecords_DisposalId",
                table: "Complaints",
                column: "DisposalId",
                principalTable: "DisposalRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_DisposalRecords_DisposalId",
                table: "Complaints");

            migrationBuilder.DropTable(
                name: "DisposalItems");

            migrationBuilder.DropTable(
                name: "DisposalRecords");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_DisposalId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "DisposalId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "DisposedAtUtc",
                table: "Complaints");
        }
    }
}
