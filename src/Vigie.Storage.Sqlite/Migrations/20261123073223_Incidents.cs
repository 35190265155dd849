using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "incident_context_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    IndexedBefore = table.Column<long>(type: "INTEGER", nullable: false),
                    Unreadable = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_context_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "incident_request_contexts",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfessionalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Session = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClientIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstTime = table.Column<long>(type: "INTEGER", nullable: false),
                    LastTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Entries = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incident_request_contexts", x => new { x.Key, x.FirstSequence });
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    AlertId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WindowFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    WindowTo = table.Column<long>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Accounts = table.Column<string>(type: "TEXT", nullable: false),
                    Sessions = table.Column<string>(type: "TEXT", nullable: false),
                    ClientIps = table.Column<string>(type: "TEXT", nullable: false),
                    UserAgents = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "incident_context_state",
                columns: new[] { "Id", "Generation", "IndexedBefore", "Unreadable" },
                values: new object[] { 1, 0L, 0L, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_incident_request_contexts_ClientIp",
                table: "incident_request_contexts",
                column: "ClientIp");

            migrationBuilder.CreateIndex(
                name: "IX_incident_request_contexts_Session",
                table: "incident_request_contexts",
                column: "Session");

            migrationBuilder.CreateIndex(
                name: "IX_incident_request_contexts_UserAgent",
                table: "incident_request_contexts",
                column: "UserAgent");

            migrationBuilder.CreateIndex(
                name: "IX_incidents_AlertId",
                table: "incidents",
                column: "AlertId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_incidents_OpenedAt",
                table: "incidents",
                column: "OpenedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incident_context_state");

            migrationBuilder.DropTable(
                name: "incident_request_contexts");

            migrationBuilder.DropTable(
                name: "incidents");
        }
    }
}
