using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Detection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProfessionalId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Session = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "canaries",
                columns: table => new
                {
                    IdentityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Finess = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    PlantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MonitoredEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MonitoredPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canaries", x => x.IdentityId);
                });

            migrationBuilder.CreateTable(
                name: "containments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfessionalId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Session = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SuspendedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SuspendedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Enforced = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_containments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_At",
                table: "alerts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_DeliveredAt",
                table: "alerts",
                column: "DeliveredAt");

            migrationBuilder.CreateIndex(
                name: "IX_canaries_MonitoredEmail",
                table: "canaries",
                column: "MonitoredEmail");

            migrationBuilder.CreateIndex(
                name: "IX_canaries_MonitoredPhone",
                table: "canaries",
                column: "MonitoredPhone");

            migrationBuilder.CreateIndex(
                name: "IX_containments_ProfessionalId_ReleasedAt",
                table: "containments",
                columns: new[] { "ProfessionalId", "ReleasedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts");

            migrationBuilder.DropTable(
                name: "canaries");

            migrationBuilder.DropTable(
                name: "containments");
        }
    }
}
