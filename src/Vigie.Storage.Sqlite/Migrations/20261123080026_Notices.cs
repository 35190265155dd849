using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Notices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notice_runs",
                columns: table => new
                {
                    IncidentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcquiredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    HeartbeatAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notice_runs", x => x.IncidentId);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    MaskedDestination = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ReferenceHash = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    SealedReference = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProviderMessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "phishing_campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phishing_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "phishing_campaign_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phishing_campaign_keys", x => x.Key);
                    table.ForeignKey(
                        name: "FK_phishing_campaign_keys_phishing_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "phishing_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "phishing_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Headers = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: true),
                    Medium = table.Column<int>(type: "INTEGER", nullable: false),
                    ReporterIpHash = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phishing_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_phishing_reports_phishing_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "phishing_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_IncidentId_PatientId",
                table: "notifications",
                columns: new[] { "IncidentId", "PatientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_IncidentId_Status_Id",
                table: "notifications",
                columns: new[] { "IncidentId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_ReferenceHash",
                table: "notifications",
                column: "ReferenceHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_phishing_campaign_keys_CampaignId",
                table: "phishing_campaign_keys",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_phishing_campaigns_LastSeen",
                table: "phishing_campaigns",
                column: "LastSeen");

            migrationBuilder.CreateIndex(
                name: "IX_phishing_reports_CampaignId",
                table: "phishing_reports",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_phishing_reports_ReceivedAt",
                table: "phishing_reports",
                column: "ReceivedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notice_runs");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "phishing_campaign_keys");

            migrationBuilder.DropTable(
                name: "phishing_reports");

            migrationBuilder.DropTable(
                name: "phishing_campaigns");
        }
    }
}
