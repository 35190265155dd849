using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Journal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_checkpoints",
                columns: table => new
                {
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    RootHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 16384, nullable: false),
                    Frontier = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_checkpoints", x => x.TreeSize);
                });

            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Time = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfessionalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Entry = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LeafHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Seal = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "journal_nodes",
                columns: table => new
                {
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    NodeIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_nodes", x => new { x.Level, x.NodeIndex });
                });

            migrationBuilder.CreateTable(
                name: "journal_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Generation = table.Column<long>(type: "INTEGER", nullable: false),
                    TreeSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Frontier = table.Column<byte[]>(type: "BLOB", nullable: false),
                    VerifierKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    LastCheckpointSize = table.Column<long>(type: "INTEGER", nullable: false),
                    LastCheckpointAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PrunedBefore = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_state", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "journal_state",
                columns: new[] { "Id", "Frontier", "Generation", "LastCheckpointAt", "LastCheckpointSize", "PrunedBefore", "TreeSize", "VerifierKey" },
                values: new object[] { 1, new byte[0], 0L, null, 0L, 0L, 0L, null });

            migrationBuilder.CreateIndex(
                name: "IX_journal_checkpoints_Time",
                table: "journal_checkpoints",
                column: "Time");

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_PatientId_Time",
                table: "journal_entries",
                columns: new[] { "PatientId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_ProfessionalId_Time",
                table: "journal_entries",
                columns: new[] { "ProfessionalId", "Time" });

            migrationBuilder.CreateIndex(
                name: "IX_journal_entries_Time",
                table: "journal_entries",
                column: "Time");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "journal_checkpoints");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropTable(
                name: "journal_nodes");

            migrationBuilder.DropTable(
                name: "journal_state");
        }
    }
}
