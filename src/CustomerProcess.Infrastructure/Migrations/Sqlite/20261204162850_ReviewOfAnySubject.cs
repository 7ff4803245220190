using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CustomerProcess.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewOfAnySubject : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-edited (data moves): the review's subject replaces its order. Existing reviews review their
            // order (the reviews a contract change sent to review become the change's in the next migration,
            // ReviewSubjectsOfChanges, once SQLite has rebuilt the table without the foreign key to SalesOrders).
            // Who concludes comes from RequiresGeneralManager.
            migrationBuilder.AddColumn<string>(
                name: "Concluder",
                table: "Reviews",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "SalesManager");

            migrationBuilder.AddColumn<string>(
                name: "SubjectKind",
                table: "Reviews",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "SalesOrder");

            migrationBuilder.Sql(
                "UPDATE \"Reviews\" SET \"Concluder\" = CASE WHEN \"RequiresGeneralManager\" = 1 THEN 'GeneralManager' ELSE 'SalesManager' END;");

            migrationBuilder.DropForeignKey(
                name: "FK_Reviews_SalesOrders_OrderId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "RequiresGeneralManager",
                table: "Reviews");

            migrationBuilder.RenameColumn(
                name: "OrderId",
                table: "Reviews",
                newName: "SubjectId");

            migrationBuilder.RenameColumn(
                name: "OrderContentVersion",
                table: "Reviews",
                newName: "ContentVersion");

            migrationBuilder.RenameIndex(
                name: "IX_Reviews_OrderId",
                table: "Reviews",
                newName: "IX_Reviews_SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequiresGeneralManager",
                table: "Reviews",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.Sql(
                "UPDATE \"Reviews\" SET \"RequiresGeneralManager\" = CASE WHEN \"Concluder\" = 'GeneralManager' THEN 1 ELSE 0 END;");
            migrationBuilder.DropColumn(
                name: "Concluder",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "SubjectKind",
                table: "Reviews");

            migrationBuilder.RenameColumn(
                name: "SubjectId",
                table: "Reviews",
                newName: "OrderId");

            migrationBuilder.RenameColumn(
                name: "ContentVersion",
                table: "Reviews",
                newName: "OrderContentVersion");

            migrationBuilder.RenameIndex(
                name: "IX_Reviews_SubjectId",
                table: "Reviews",
                newName: "IX_Reviews_OrderId");

            migrationBuilder.AddForeignKey(
                name: "FK_Reviews_SalesOrders_OrderId",
                table: "Reviews",
                column: "OrderId",
                principalTable: "SalesOrders",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
