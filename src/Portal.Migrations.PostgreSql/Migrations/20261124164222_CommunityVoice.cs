using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CommunityVoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VoiceCategory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceCategory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VoiceDepartment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceDepartment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoiceDepartment_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoiceStatus",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsClosed = table.Column<bool>(type: "boolean", nullable: false),
                    IsPublicResponse = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceStatus", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VoiceRoutingRule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceRoutingRule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoiceRoutingRule_VoiceCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "VoiceCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VoiceRoutingRule_VoiceDepartment_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "VoiceDepartment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoiceRoutingRule_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoiceItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: false),
                    AreaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    StatusId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    TargetResponseDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RaiserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaiserContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ResponsePublishedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    RaisedByOrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoiceItem_Organisations_RaisedByOrganisationId",
                        column: x => x.RaisedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoiceItem_VoiceCategory_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "VoiceCategory",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoiceItem_VoiceDepartment_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "VoiceDepartment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoiceItem_VoiceStatus_StatusId",
                        column: x => x.StatusId,
                        principalTable: "VoiceStatus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoiceItem_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VoiceItemHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    From = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    To = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoiceItemHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoiceItemHistory_VoiceItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "VoiceItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VoiceCategory_Name",
                table: "VoiceCategory",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoiceDepartment_WardId_Name",
                table: "VoiceDepartment",
                columns: new[] { "WardId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoiceItem_CategoryId",
                table: "VoiceItem",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_VoiceItem_DepartmentId_TargetResponseDate",
                table: "VoiceItem",
                columns: new[] { "DepartmentId", "TargetResponseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_VoiceItem_IsPublic_WardId_RaisedOn",
                table: "VoiceItem",
                columns: new[] { "IsPublic", "WardId", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_VoiceItem_RaisedByOrganisationId",
                table: "VoiceItem",
                column: "RaisedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_VoiceItem_StatusId",
                table: "VoiceItem",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_VoiceItem_WardId",
                table: "VoiceItem",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_VoiceItemHistory_ItemId",
                table: "VoiceItemHistory",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_VoiceRoutingRule_CategoryId_WardId",
                table: "VoiceRoutingRule",
                columns: new[] { "CategoryId", "WardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VoiceRoutingRule_DepartmentId",
                table: "VoiceRoutingRule",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_VoiceRoutingRule_WardId",
                table: "VoiceRoutingRule",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_VoiceStatus_Name",
                table: "VoiceStatus",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VoiceItemHistory");

            migrationBuilder.DropTable(
                name: "VoiceRoutingRule");

            migrationBuilder.DropTable(
                name: "VoiceItem");

            migrationBuilder.DropTable(
                name: "VoiceCategory");

            migrationBuilder.DropTable(
                name: "VoiceDepartment");

            migrationBuilder.DropTable(
                name: "VoiceStatus");
        }
    }
}
