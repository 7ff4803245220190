using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignaturesByTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReviewSignatures_SignedAtUtc",
                table: "ReviewSignatures",
                column: "SignedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReviewSignatures_SignedAtUtc",
                table: "ReviewSignatures");
        }
    }
}
