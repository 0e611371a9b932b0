using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResumeAfterUtc",
                table: "DigestRun",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "DigestRun",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "Active"); // existing runs are not suspended

            migrationBuilder.AddColumn<int>(
                name: "Suspensions",
                table: "DigestRun",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RecipientRefused",
                table: "DigestDelivery",
                type: "INTEGER",
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
