using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EvidencePackFileRemoved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FileRemovedAtUtc",
                table: "EvidencePacks",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FileRemovedAtUtc",
                table: "EvidencePacks");
        }
    }
}
