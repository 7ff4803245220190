using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropIndex(
                name: "IX_Complaints_DisposalId",
                table: "Complaints");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_DisposalId",
                table: "SurveyResponses",
                column: "DisposalId",
                filter: "DisposalId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_DisposalId",
                table: "Reviews",
                column: "DisposalId",
                filter: "DisposalId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CustomerPropertyItems_DisposalId",
                table: "CustomerPropertyItems",
                column: "DisposalId",
                filter: "DisposalId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contracts_DisposalId",
                table: "Contracts",
                column: "DisposalId",
                filter: "DisposalId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_AnsweredAtUtc_ReceivedAtUtc",
                table: "Complaints",
                columns: new[] { "AnsweredAtUtc", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_DisposalId",
                table: "Complaints",
                column: "DisposalId",
                filter: "DisposalId IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.DropIndex(
                name: "IX_Complaints_AnsweredAtUtc_ReceivedAtUtc",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_DisposalId",
                table: "Complaints");

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

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_DisposalId",
                table: "Complaints",
                column: "DisposalId");
        }
    }
}
