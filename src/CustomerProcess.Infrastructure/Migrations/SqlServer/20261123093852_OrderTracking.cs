using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OrderTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ClosedOn",
                table: "Contracts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentVersion",
                table: "Contracts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DeliveredMinor",
                table: "Contracts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "HeldByChangeId",
                table: "Contracts",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HeldByChangeNumber",
                table: "Contracts",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "InvoicedMinor",
                table: "Contracts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "IsFullyDelivered",
                table: "Contracts",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDeliveryDue",
                table: "Contracts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PaidMinor",
                table: "Contracts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PaymentDue",
                table: "Contracts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PaymentTermDays",
                table: "Contracts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CommunicationEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CustomerContact = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunicationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunicationEntries_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequesterName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    What = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Why = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CustomerConfirmation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ConfirmationAttachmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    BaseVersion = table.Column<int>(type: "int", nullable: false),
                    ResultingVersion = table.Column<int>(type: "int", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NoticeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    QuotationId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    DecidedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecisionNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CompanyConfirmedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CompanyConfirmedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractChanges_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractChanges_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    LineNo = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Specification = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    DeliveryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveryPlace = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Packaging = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractLines_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContractLines_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    ChangeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ChangeNumber = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    CreatedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractVersions_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    BillOfLading = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CompletedDelivery = table.Column<bool>(type: "bit", nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deliveries_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invoices_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Payments_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Site = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Request = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RequiredBy = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ClosedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceNotices_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractVersion = table.Column<int>(type: "int", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    SupersedesId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ChangeId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    SpecialRequirements = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ReviewConditions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Instructions = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    IssuedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    IssuedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AcknowledgedCount = table.Column<int>(type: "int", nullable: false),
                    SupersededAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskNotices_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContractChangeLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LineNo = table.Column<int>(type: "int", nullable: false),
                    ProductId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Specification = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    DeliveryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveryPlace = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Packaging = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContractChangeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContractChangeLines_ContractChanges_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "ContractChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Quotations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ContractId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ContractVersion = table.Column<int>(type: "int", nullable: false),
                    PreviousAmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    IssuedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quotations_ContractChanges_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "ContractChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Quotations_Contracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "Contracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LineNo = table.Column<int>(type: "int", nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryLines_Deliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "Deliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ServiceNoticeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Problem = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Treatment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Result = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    RecordedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteRecords_ServiceNotices_ServiceNoticeId",
                        column: x => x.ServiceNoticeId,
                        principalTable: "ServiceNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    AcknowledgedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeAcknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeAcknowledgements_TaskNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "TaskNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NoticeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LineNo = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Specification = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Quantity = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    DeliveryDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeliveryPlace = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Packaging = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ChangedFromPrevious = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeLines_TaskNotices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "TaskNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Status_NextDeliveryDue",
                table: "Contracts",
                columns: new[] { "Status", "NextDeliveryDue" });

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_Status_PaymentDue",
                table: "Contracts",
                columns: new[] { "Status", "PaymentDue" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunicationEntries_ContractId_OccurredAtUtc",
                table: "CommunicationEntries",
                columns: new[] { "ContractId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractChangeLines_ChangeId_LineNo",
                table: "ContractChangeLines",
                columns: new[] { "ChangeId", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractChanges_ContractId_RecordedAtUtc",
                table: "ContractChanges",
                columns: new[] { "ContractId", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractChanges_Number",
                table: "ContractChanges",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractChanges_ReviewId",
                table: "ContractChanges",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractChanges_Status_RecordedAtUtc",
                table: "ContractChanges",
                columns: new[] { "Status", "RecordedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContractLines_ContractId_Version_LineNo",
                table: "ContractLines",
                columns: new[] { "ContractId", "Version", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContractLines_ProductId",
                table: "ContractLines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_ContractVersions_ContractId_Number",
                table: "ContractVersions",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_BillOfLading",
                table: "Deliveries",
                column: "BillOfLading");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_ContractId_Number",
                table: "Deliveries",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryLines_DeliveryId_LineNo",
                table: "DeliveryLines",
                columns: new[] { "DeliveryId", "LineNo" });

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_ContractId_Number",
                table: "Invoices",
                columns: new[] { "ContractId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeAcknowledgements_DepartmentCode_AcknowledgedAtUtc",
                table: "NoticeAcknowledgements",
                columns: new[] { "DepartmentCode", "AcknowledgedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeAcknowledgements_NoticeId_DepartmentCode",
                table: "NoticeAcknowledgements",
                columns: new[] { "NoticeId", "DepartmentCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NoticeLines_NoticeId_LineNo",
                table: "NoticeLines",
                columns: new[] { "NoticeId", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Payments_ContractId_ReceivedOn",
                table: "Payments",
                columns: new[] { "ContractId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Quotations_ChangeId",
                table: "Quotations",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotations_ContractId",
                table: "Quotations",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotations_Number",
                table: "Quotations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceNotices_ContractId_IssuedAtUtc",
                table: "ServiceNotices",
                columns: new[] { "ContractId", "IssuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceNotices_Number",
                table: "ServiceNotices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceNotices_Status_IssuedAtUtc",
                table: "ServiceNotices",
                columns: new[] { "Status", "IssuedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteRecords_ServiceNoticeId_VisitedOn",
                table: "SiteRecords",
                columns: new[] { "ServiceNoticeId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskNotices_ContractId_Kind_Revision",
                table: "TaskNotices",
                columns: new[] { "ContractId", "Kind", "Revision" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskNotices_Number",
                table: "TaskNotices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskNotices_Status_IssuedAtUtc",
                table: "TaskNotices",
                columns: new[] { "Status", "IssuedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunicationEntries");

            migrationBuilder.DropTable(
                name: "ContractChangeLines");

            migrationBuilder.DropTable(
                name: "ContractLines");

            migrationBuilder.DropTable(
                name: "ContractVersions");

            migrationBuilder.DropTable(
                name: "DeliveryLines");

            migrationBuilder.DropTable(
                name: "Invoices");

            migrationBuilder.DropTable(
                name: "NoticeAcknowledgements");

            migrationBuilder.DropTable(
                name: "NoticeLines");

            migrationBuilder.DropTable(
                name: "Payments");

            migrationBuilder.DropTable(
                name: "Quotations");

            migrationBuilder.DropTable(
                name: "SiteRecords");

            migrationBuilder.DropTable(
                name: "Deliveries");

            migrationBuilder.DropTable(
                name: "TaskNotices");

            migrationBuilder.DropTable(
                name: "ContractChanges");

            migrationBuilder.DropTable(
                name: "ServiceNotices");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_Status_NextDeliveryDue",
                table: "Contracts");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_Status_PaymentDue",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "ClosedOn",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "CurrentVersion",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "DeliveredMinor",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "HeldByChangeId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "HeldByChangeNumber",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "InvoicedMinor",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "IsFullyDelivered",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "NextDeliveryDue",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "PaidMinor",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "PaymentDue",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "PaymentTermDays",
                table: "Contracts");
        }
    }
}
