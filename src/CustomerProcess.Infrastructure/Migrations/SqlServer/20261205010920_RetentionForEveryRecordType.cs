using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RetentionForEveryRecordType : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DisposalId",
                table: "SurveyResponses",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisposedAtUtc",
                table: "SurveyResponses",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DisposalId",
                table: "Reviews",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisposedAtUtc",
                table: "Reviews",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DisposalId",
                table: "CustomerPropertyItems",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisposedAtUtc",
                table: "CustomerPropertyItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "DisposalId",
                table: "Contracts",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisposedAtUtc",
                table: "Contracts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_DisposalId",
                table: "SurveyResponses",
                column: "DisposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_DisposalId",
                table: "Reviews",
                column: "DisposalId");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_DisposalId",
                table: "CustomerPropertyItems",
                column: "DisposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_DisposalId",
                table: "Contracts",
                column: "DisposalId");

            migrationBuilder.AddForeignKey(
                name: "FK_Contracts_DisposalRecords_DisposalId",
                table: "Contracts",
                column: "DisposalId",
                principalTable: "DisposalRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CustomerPropertyItems_DisposalRecords_DisposalId",
                table: "CustomerPropertyItems",
                column: "DisposalId",
                principalTable: "DisposalRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Reviews_DisposalRecords_DisposalId",
                table: "Reviews",
                column: "DisposalId",
                principalTable: "DisposalRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyResponses_DisposalRecords_DisposalId",
                table: "SurveyResponses",
                column: "DisposalId",
                principalTable: "DisposalRecords",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Contracts_DisposalRecords_DisposalId",
                table: "Contracts");

            migrationBuilder.DropForeignKey(
                name: "FK_CustomerPropertyItems_DisposalRecords_DisposalId",
                table: "CustomerPropertyItems");

            migrationBuilder.DropForeignKey(
                name: "FK_Reviews_DisposalRecords_DisposalId",
                table: "Reviews");

            migrationBuilder.DropForeignKey(
                name: "FK_SurveyResponses_DisposalRecords_DisposalId",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_SurveyResponses_DisposalId",
                table: "SurveyResponses");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_DisposalId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_CustomerPropertyItems_DisposalId",
                table: "CustomerPropertyItems");

            migrationBuilder.DropIndex(
                name: "IX_Contracts_DisposalId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "DisposalId",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "DisposedAtUtc",
                table: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "DisposalId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "DisposedAtUtc",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "DisposalId",
                table: "CustomerPropertyItems");

            migrationBuilder.DropColumn(
                name: "DisposedAtUtc",
                table: "CustomerPropertyItems");

            migrationBuilder.DropColumn(
                name: "DisposalId",
                table: "Contracts");

            migrationBuilder.DropColumn(
                name: "DisposedAtUtc",
                table: "Contracts");
        }
    }
}
