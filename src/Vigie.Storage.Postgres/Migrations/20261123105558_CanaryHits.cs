using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigie.Storage.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdentityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    PhishingReportId = table.Column<long>(type: "bigint", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: true),
                    Sender = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Headers = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: true)
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
