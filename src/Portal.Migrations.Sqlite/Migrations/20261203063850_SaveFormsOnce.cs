using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SaveFormsOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskForce_OwnerOrganisationId",
                table: "TaskForce");

            migrationBuilder.DropIndex(
                name: "IX_DigestSubscription_UserId_WardId_OrganisationId",
                table: "DigestSubscription");

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Rows saved twice before the unique indexes existed: a second council or task force of one name keeps its row
            // under the name plus its id (staff can rename it); a second identical subscription (which only sent every mail
            // twice) is removed with its delivery records.
            foreach (var (table, scope) in new[] { ("DistrictCouncil", "WardId"), ("TaskForce", "OwnerOrganisationId") })
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "Name" = substr("Name", 1, 100) || ' (' || "Id" || ')'
                    WHERE EXISTS (SELECT 1 FROM "{table}" AS earlier WHERE earlier."{scope}" = "{table}"."{scope}"
                        AND earlier."Name" = "{table}"."Name" AND earlier."Id" < "{table}"."Id")
                    """);
            migrationBuilder.Sql("""
                DELETE FROM "DigestSubscription"
                WHERE EXISTS (SELECT 1 FROM "DigestSubscription" AS earlier WHERE earlier."UserId" = "DigestSubscription"."UserId"
                    AND earlier."WardId" IS "DigestSubscription"."WardId"
                    AND earlier."OrganisationId" IS "DigestSubscription"."OrganisationId"
                    AND earlier."Id" < "DigestSubscription"."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_TaskForce_OwnerOrganisationId_Name",
                table: "TaskForce",
                columns: new[] { "OwnerOrganisationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DistrictCouncil_WardId_Name",
                table: "DistrictCouncil",
                columns: new[] { "WardId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscription_UserId_OrganisationId",
                table: "DigestSubscription",
                columns: new[] { "UserId", "OrganisationId" },
                unique: true,
                filter: "\"WardId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscription_UserId_WardId",
                table: "DigestSubscription",
                columns: new[] { "UserId", "WardId" },
                unique: true,
                filter: "\"OrganisationId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscription_UserId_WardId_OrganisationId",
                table: "DigestSubscription",
                columns: new[] { "UserId", "WardId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_UserId_Form_Key",
                table: "FormSubmissions",
                columns: new[] { "UserId", "Form", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropIndex(
                name: "IX_TaskForce_OwnerOrganisationId_Name",
                table: "TaskForce");

            migrationBuilder.DropIndex(
                name: "IX_DistrictCouncil_WardId_Name",
                table: "DistrictCouncil");

            migrationBuilder.DropIndex(
                name: "IX_DigestSubscription_UserId_OrganisationId",
                table: "DigestSubscription");

            migrationBuilder.DropIndex(
                name: "IX_DigestSubscription_UserId_WardId",
                table: "DigestSubscription");

            migrationBuilder.DropIndex(
                name: "IX_DigestSubscription_UserId_WardId_OrganisationId",
                table: "DigestSubscription");

            migrationBuilder.CreateIndex(
                name: "IX_TaskForce_OwnerOrganisationId",
                table: "TaskForce",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestSubscription_UserId_WardId_OrganisationId",
                table: "DigestSubscription",
                columns: new[] { "UserId", "WardId", "OrganisationId" });
        }
    }
}
