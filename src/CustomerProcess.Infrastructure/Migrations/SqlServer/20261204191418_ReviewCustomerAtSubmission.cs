using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReviewCustomerAtSubmission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CreditLimitAtSubmission",
                table: "Reviews",
                type: "decimal(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CreditRatingAtSubmission",
                table: "Reviews",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerClassAtSubmission",
                table: "Reviews",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreditLimitAtSubmission",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "CreditRatingAtSubmission",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "CustomerClassAtSubmission",
                table: "Reviews");
        }
    }
}
