using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LeanIdentityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_identities_FirstGivenName_Sex",
                table: "identities");

            migrationBuilder.DropIndex(
                name: "IX_identities_UsedName_BirthDate",
                table: "identities");

            migrationBuilder.CreateIndex(
                name: "IX_identities_UsedName_BirthDate",
                table: "identities",
                columns: new[] { "UsedName", "BirthDate" },
                filter: "\"UsedName\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_identities_UsedName_BirthDate",
                table: "identities");

            migrationBuilder.CreateIndex(
                name: "IX_identities_UsedName_BirthDate",
                table: "identities",
                columns: new[] { "UsedName", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_identities_FirstGivenName_Sex",
                table: "identities",
                columns: new[] { "FirstGivenName", "Sex" });
        }
    }
}
