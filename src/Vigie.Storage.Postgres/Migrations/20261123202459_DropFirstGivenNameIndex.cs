using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vigie.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DropFirstGivenNameIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_identities_FirstGivenName_Sex",
                table: "identities");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_identities_FirstGivenName_Sex",
                table: "identities",
                columns: new[] { "FirstGivenName", "Sex" });
        }
    }
}
