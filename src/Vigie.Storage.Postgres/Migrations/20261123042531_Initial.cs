using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Vigie.Storage.Postgres.Migrations
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
                    Key = table.Column<long>(type: "bigint", nullable: false),
                    IdentityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blocking_keys", x => new { x.Key, x.IdentityId });
                });

            migrationBuilder.CreateTable(
                name: "duplicate_candidates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdentityA = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdentityB = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DetectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_candidates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "establishments",
                columns: table => new
                {
                    Finess = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IppSystem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishments", x => x.Finess);
                });

            migrationBuilder.CreateTable(
                name: "identities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BirthName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    FirstGivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    GivenNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthplaceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    UsedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Phones = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Emails = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: true),
                    AddressLines = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Flags = table.Column<int>(type: "integer", nullable: false),
                    InsKind = table.Column<int>(type: "integer", nullable: true),
                    InsValue = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    ReplacedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_models",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Json = table.Column<string>(type: "text", nullable: false),
                    TrainingPairs = table.Column<int>(type: "integer", nullable: false),
                    RecordCount = table.Column<int>(type: "integer", nullable: false),
                    EstimatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "merge_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MovedLocalRecordIds = table.Column<string>(type: "text", nullable: false),
                    Reverses = table.Column<long>(type: "bigint", nullable: true),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_merge_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "local_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    System = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Finess = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    IdentityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LinkedAutomatically = table.Column<bool>(type: "boolean", nullable: false),
                    LinkScore = table.Column<double>(type: "double precision", nullable: true),
                    BirthName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstGivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
