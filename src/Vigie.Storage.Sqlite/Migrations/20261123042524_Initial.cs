using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "blocking_keys",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    IdentityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blocking_keys", x => new { x.Key, x.IdentityId });
                });

            migrationBuilder.CreateTable(
                name: "duplicate_candidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdentityA = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdentityB = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DetectedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_candidates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "establishments",
                columns: table => new
                {
                    Finess = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IppSystem = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishments", x => x.Finess);
                });

            migrationBuilder.CreateTable(
                name: "identities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BirthName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstGivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GivenNames = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthplaceCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    UsedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phones = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Emails = table.Column<string>(type: "TEXT", maxLength: 800, nullable: true),
                    AddressLines = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Flags = table.Column<int>(type: "INTEGER", nullable: false),
                    InsKind = table.Column<int>(type: "INTEGER", nullable: true),
                    InsValue = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplacedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_models",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    TrainingPairs = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "merge_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TargetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MovedLocalRecordIds = table.Column<string>(type: "TEXT", nullable: false),
                    Reverses = table.Column<long>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merge_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "local_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    System = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Finess = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    IdentityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LinkedAutomatically = table.Column<bool>(type: "INTEGER", nullable: false),
                    LinkScore = table.Column<double>(type: "REAL", nullable: true),
                    BirthName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstGivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_local_records_establishments_Finess",
                        column: x => x.Finess,
                        principalTable: "establishments",
                        principalColumn: "Finess",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_local_records_identities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "identities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_blocking_keys_IdentityId",
                table: "blocking_keys",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_IdentityA_IdentityB",
                table: "duplicate_candidates",
                columns: new[] { "IdentityA", "IdentityB" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_candidates_Status",
                table: "duplicate_candidates",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_establishments_IppSystem",
                table: "establishments",
                column: "IppSystem",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identities_BirthDate_Sex",
                table: "identities",
                columns: new[] { "BirthDate", "Sex" });

            migrationBuilder.CreateIndex(
                name: "IX_identities_BirthName_BirthDate",
                table: "identities",
                columns: new[] { "BirthName", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_identities_FirstGivenName_Sex",
                table: "identities",
                columns: new[] { "FirstGivenName", "Sex" });

            migrationBuilder.CreateIndex(
                name: "IX_identities_InsValue",
                table: "identities",
                column: "InsValue");

            migrationBuilder.CreateIndex(
                name: "IX_identities_UsedName_BirthDate",
                table: "identities",
                columns: new[] { "UsedName", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_local_records_Finess",
                table: "local_records",
                column: "Finess");

            migrationBuilder.CreateIndex(
                name: "IX_local_records_IdentityId",
                table: "local_records",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_local_records_System_Value",
                table: "local_records",
                columns: new[] { "System", "Value" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_merge_events_SourceId",
                table: "merge_events",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blocking_keys");

            migrationBuilder.DropTable(
                name: "duplicate_candidates");

            migrationBuilder.DropTable(
                name: "local_records");

            migrationBuilder.DropTable(
                name: "match_models");

            migrationBuilder.DropTable(
                name: "merge_events");

            migrationBuilder.DropTable(
                name: "establishments");

            migrationBuilder.DropTable(
                name: "identities");
        }
    }
}
