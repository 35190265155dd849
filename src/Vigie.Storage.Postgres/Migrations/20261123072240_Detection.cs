using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigie.Storage.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProfessionalId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Session = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OwnerNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "canaries",
                columns: table => new
                {
                    IdentityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Finess = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    PlantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MonitoredEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MonitoredPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_canaries", x => x.IdentityId);
                });

            migrationBuilder.CreateTable(
                name: "containments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    ProfessionalId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Session = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SuspendedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Enforced = table.Column<bool>(type: "boolean", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true)
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
