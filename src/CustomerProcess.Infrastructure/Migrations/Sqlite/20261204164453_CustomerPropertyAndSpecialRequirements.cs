using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerPropertyAndSpecialRequirements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CustomerPropertyItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Specification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeclaredQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ReceivedQuantity = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MatchesSpecification = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReceiptNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReceivedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReceivedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InspectionPassed = table.Column<bool>(type: "INTEGER", nullable: true),
                    InspectionResult = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InspectedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InspectedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StoragePlace = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CustodianName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UseNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UseRecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UseRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReturnedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustomerPropertyItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustomerPropertyItems_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerPropertyItems_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CustomerPropertyItems_SalesOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpecialRequirementCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContractId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecialRequirementCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecialRequirementCases_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecialRequirementCases_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpecialRequirementCases_SalesOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "SalesOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PropertyIncidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReportedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CustomerReply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplyRecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReplyRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PropertyIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PropertyIncidents_CustomerPropertyItems_ItemId",
                        column: x => x.ItemId,
                        principalTable: "CustomerPropertyItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseNotes_SpecialRequirementCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "SpecialRequirementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_CaseId_Sequence",
                table: "CaseNotes",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_ContractId",
                table: "CustomerPropertyItems",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_CustomerId_ReceivedOn",
                table: "CustomerPropertyItems",
                columns: new[] { "CustomerId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_Number",
                table: "CustomerPropertyItems",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_OrderId",
                table: "CustomerPropertyItems",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_ReceivedOn",
                table: "CustomerPropertyItems",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_Status_ReceivedOn",
                table: "CustomerPropertyItems",
                columns: new[] { "Status", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PropertyIncidents_ItemId",
                table: "PropertyIncidents",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PropertyIncidents_Number",
                table: "PropertyIncidents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpecialRequirementCases_ContractId",
                table: "SpecialRequirementCases",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecialRequirementCases_CustomerId_DueOn",
                table: "SpecialRequirementCases",
                columns: new[] { "CustomerId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SpecialRequirementCases_Number",
                table: "SpecialRequirementCases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpecialRequirementCases_OrderId",
                table: "SpecialRequirementCases",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecialRequirementCases_OwnerUserId_Status_DueOn",
                table: "SpecialRequirementCases",
                columns: new[] { "OwnerUserId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SpecialRequirementCases_Status_DueOn",
                table: "SpecialRequirementCases",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseNotes");

            migrationBuilder.DropTable(
                name: "PropertyIncidents");

            migrationBuilder.DropTable(
                name: "SpecialRequirementCases");

            migrationBuilder.DropTable(
                name: "CustomerPropertyItems");
        }
    }
}
