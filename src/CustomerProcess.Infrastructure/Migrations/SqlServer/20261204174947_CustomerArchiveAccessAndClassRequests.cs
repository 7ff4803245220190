using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CustomerArchiveAccessAndClassRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LastArchiveReviewUtc",
                table: "Customers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArchiveAccessGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequesterUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequesterName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Days = table.Column<int>(type: "int", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    HeadApprovedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    HeadApprovedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    HeadApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OwnerApprovedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    OwnerApprovedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    OwnerApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ValidUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ValidFromUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchiveAccessGrants_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerClassChangeRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromClass = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ToClass = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    RequestedBySalesManager = table.Column<bool>(type: "bit", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NeedsQuality = table.Column<bool>(type: "bit", nullable: false),
                    SalesApprovedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SalesApprovedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SalesApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    QualityApprovedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    QualityApprovedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    QualityApprovedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DecidedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerClassChangeRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerClassChangeRequests_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustomerFileViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Part = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerFileViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerFileViews_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_OwnerUserId_LastArchiveReviewUtc",
                table: "Customers",
                columns: new[] { "OwnerUserId", "LastArchiveReviewUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessGrants_CustomerId",
                table: "ArchiveAccessGrants",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessGrants_RequesterUserId_CustomerId_Status",
                table: "ArchiveAccessGrants",
                columns: new[] { "RequesterUserId", "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveAccessGrants_Status_RequestedAtUtc",
                table: "ArchiveAccessGrants",
                columns: new[] { "Status", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassChangeRequests_CustomerId_Status",
                table: "CustomerClassChangeRequests",
                columns: new[] { "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerClassChangeRequests_Status_RequestedAtUtc",
                table: "CustomerClassChangeRequests",
                columns: new[] { "Status", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerFileViews_CustomerId_AtUtc",
                table: "CustomerFileViews",
                columns: new[] { "CustomerId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveAccessGrants");

            migrationBuilder.DropTable(
                name: "CustomerClassChangeRequests");

            migrationBuilder.DropTable(
                name: "CustomerFileViews");

            migrationBuilder.DropIndex(
                name: "IX_Customers_OwnerUserId_LastArchiveReviewUtc",
                table: "Customers");

            migrationBuilder.DropColumn(
                name: "LastArchiveReviewUtc",
                table: "Customers");
        }
    }
}
