using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Tenders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TenderId",
                table: "SalesOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TenderPolicySettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullReviewAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderPolicySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tenders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Project = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EstimatedAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    EstimatedAmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SalesUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SalesUserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BidAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    BidAmountMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    BidNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    GoNoGoDecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BidConcludedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WinningPrice = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    WinnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OutcomeByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutcomeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tenders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tenders_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tenders_SalesOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompetitorBids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompetitorBids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompetitorBids_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TenderClarifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AskedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    EvidenceReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderClarifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenderClarifications_Tenders_TenderId",
                        column: x => x.TenderId,
                        principalTable: "Tenders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SalesOrders_TenderId",
                table: "SalesOrders",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_CompetitorBids_TenderId",
                table: "CompetitorBids",
                column: "TenderId");

            migrationBuilder.CreateIndex(
                name: "IX_TenderClarifications_TenderId_Number",
                table: "TenderClarifications",
                columns: new[] { "TenderId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_CustomerId_CreatedAtUtc",
                table: "Tenders",
                columns: new[] { "CustomerId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_Number",
                table: "Tenders",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_OrderId",
                table: "Tenders",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_SalesUserId_CreatedAtUtc",
                table: "Tenders",
                columns: new[] { "SalesUserId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Tenders_Status_DeadlineUtc",
                table: "Tenders",
                columns: new[] { "Status", "DeadlineUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompetitorBids");

            migrationBuilder.DropTable(
                name: "TenderClarifications");

            migrationBuilder.DropTable(
                name: "TenderPolicySettings");

            migrationBuilder.DropTable(
                name: "Tenders");

            migrationBuilder.DropIndex(
                name: "IX_SalesOrders_TenderId",
                table: "SalesOrders");

            migrationBuilder.DropColumn(
                name: "TenderId",
                table: "SalesOrders");
        }
    }
}
