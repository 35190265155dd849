using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CanaryHits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_canaries_MonitoredEmail",
                table: "canaries");

            migrationBuilder.DropIndex(
                name: "IX_canaries_MonitoredPhone",
                table: "canaries");

            migrationBuilder.CreateTable(
                name: "canary_hits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdentityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    PhishingReportId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Headers = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canary_hits", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_canaries_MonitoredEmail",
                table: "canaries",
                column: "MonitoredEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_canaries_MonitoredPhone",
                table: "canaries",
                column: "MonitoredPhone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_canary_hits_IdentityId",
                table: "canary_hits",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_canary_hits_IncidentId",
                table: "canary_hits",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "canary_hits");

            migrationBuilder.DropIndex(
                name: "IX_canaries_MonitoredEmail",
                table: "canaries");

            migrationBuilder.DropIndex(
                name: "IX_canaries_MonitoredPhone",
                table: "canaries");

            migrationBuilder.CreateIndex(
                name: "IX_canaries_MonitoredEmail",
                table: "canaries",
                column: "MonitoredEmail");

            migrationBuilder.CreateIndex(
                name: "IX_canaries_MonitoredPhone",
                table: "canaries",
                column: "MonitoredPhone");
        }
    }
}
