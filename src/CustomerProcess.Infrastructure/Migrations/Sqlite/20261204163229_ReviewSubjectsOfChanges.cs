using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewSubjectsOfChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written data move (no model change): a review a contract change sent to review reviews the
            // change (its id); the content version stays the order's, which carries the changed lines.
            migrationBuilder.Sql(
                "UPDATE \"Reviews\" SET \"SubjectKind\" = 'ContractChange', " +
                "\"SubjectId\" = (SELECT c.\"Id\" FROM \"ContractChanges\" c WHERE c.\"ReviewId\" = \"Reviews\".\"Id\") " +
                "WHERE EXISTS (SELECT 1 FROM \"ContractChanges\" c WHERE c.\"ReviewId\" = \"Reviews\".\"Id\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "UPDATE \"Reviews\" SET \"SubjectKind\" = 'SalesOrder', \"SubjectId\" = " +
                "(SELECT ct.\"OrderId\" FROM \"ContractChanges\" c JOIN \"Contracts\" ct ON ct.\"Id\" = c.\"ContractId\" WHERE c.\"Id\" = \"Reviews\".\"SubjectId\") " +
                "WHERE \"SubjectKind\" = 'ContractChange';");
        }
    }
}
