using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PortalAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "portal_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Problem = table.Column<int>(type: "INTEGER", nullable: false),
                    NotificationId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_portal_answers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_portal_answers_At",
                table: "portal_answers",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_portal_answers_NotificationId",
                table: "portal_answers",
                column: "NotificationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "portal_answers");
        }
    }
}
