using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class DigestServerFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastServerError",
                table: "DigestRun",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResumeAfterUtc",
                table: "DigestRun",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "DigestRun",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Active"); // existing runs are not suspended

            migrationBuilder.AddColumn<int>(
                name: "Suspensions",
                table: "DigestRun",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RecipientRefused",
                table: "DigestDelivery",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastServerError",
                table: "DigestRun");

            migrationBuilder.DropColumn(
                name: "ResumeAfterUtc",
                table: "DigestRun");

            migrationBuilder.DropColumn(
                name: "State",
                table: "DigestRun");

            migrationBuilder.DropColumn(
                name: "Suspensions",
                table: "DigestRun");

            migrationBuilder.DropColumn(
                name: "RecipientRefused",
                table: "DigestDelivery");
        }
    }
}
