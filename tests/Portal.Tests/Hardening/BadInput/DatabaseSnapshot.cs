using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// Every row of every table of the site's model, as text, to prove a request changed nothing. Read through the EF model
/// (table and key names), so it works on SQLite and PostgreSQL alike.
/// </summary>
public sealed class DatabaseSnapshot
{
    private readonly Dictionary<string, List<string>> _tables;

    private DatabaseSnapshot(Dictionary<string, List<string>> tables) => _tables = tables;

    public static async Task<DatabaseSnapshot> TakeAsync(PortalTestHost host)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sql = db.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>();
        var tables = new Dictionary<string, List<string>>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.FindPrimaryKey() is not null))
            {
                var table = entity.GetTableName()!;
                if (tables.ContainsKey(table)) continue;
                var keys = entity.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName()));
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(table, entity.GetSchema())} ORDER BY {string.Join(", ", keys)}";
                var rows = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                        rows.Add(Row(reader));
                }
                tables[table] = rows;
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
        return new DatabaseSnapshot(tables);
    }

    private static string Row(DbDataReader reader)
    {
        var row = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            row.Append(reader.GetName(i)).Append('=').Append(value switch
            {
                DBNull => "NULL",
                byte[] bytes => Convert.ToBase64String(bytes),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            }).Append(i + 1 < reader.FieldCount ? " | " : "");
        }
        return row.ToString();
    }

    /// <summary>How many rows the table has.</summary>
    public int Count(string table) => _tables.TryGetValue(table, out var rows) ? rows.Count : throw new ArgumentException($"No table {table}.");

    /// <summary>Every row of every table, as text.</summary>
    public IEnumerable<(string Table, string Row)> Rows => _tables.SelectMany(t => t.Value.Select(row => (t.Key, row)));

    /// <summary>What differs, table by table (empty when nothing does); long values are cut for the message.</summary>
    public string DifferencesFrom(DatabaseSnapshot before)
    {
        var report = new StringBuilder();
        foreach (var table in before._tables.Keys.Union(_tables.Keys))
        {
            var old = before._tables.GetValueOrDefault(table) ?? [];
            var now = _tables.GetValueOrDefault(table) ?? [];
            var removed = old.Except(now).ToList();
            var added = now.Except(old).ToList();
            if (removed.Count == 0 && added.Count == 0) continue;
            report.AppendLine($"{table}: {old.Count} → {now.Count} rows");
            foreach (var row in removed.Take(3)) report.AppendLine("  - " + Cut(row));
            foreach (var row in added.Take(3)) report.AppendLine("  + " + Cut(row));
        }
        return report.ToString();
    }

    private static string Cut(string row) => row.Length > 400 ? row[..400] + "…" : row;
}
