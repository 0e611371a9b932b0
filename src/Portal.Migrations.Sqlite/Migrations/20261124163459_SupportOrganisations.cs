using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupportOrganisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportProfile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Services = table.Column<int>(type: "INTEGER", nullable: false),
                    ServicesNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Staff = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TrackRecord = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    WebsiteUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportProfile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportProfile_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportChoice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportChoice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportChoice_DistrictCouncil_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "DistrictCouncil",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportChoice_SupportProfile_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "SupportProfile",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupportProfileWard",
                columns: table => new
                {
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportProfileWard", x => new { x.ProfileId, x.WardId });
                    table.ForeignKey(
                        name: "FK_SupportProfileWard_SupportProfile_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "SupportProfile",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportProfileWard_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportChoice_CouncilId_FiscalYear",
                table: "SupportChoice",
                columns: new[] { "CouncilId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportChoice_ProfileId",
                table: "SupportChoice",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportProfile_IsPublished",
                table: "SupportProfile",
                column: "IsPublished");

            migrationBuilder.CreateIndex(
                name: "IX_SupportProfile_OrganisationId",
                table: "SupportProfile",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupportProfileWard_WardId",
                table: "SupportProfileWard",
                column: "WardId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportChoice");

            migrationBuilder.DropTable(
                name: "SupportProfileWard");

            migrationBuilder.DropTable(
                name: "SupportProfile");
        }
    }
}
