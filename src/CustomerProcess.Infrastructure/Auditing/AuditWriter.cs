using System.Data.Common;
using System.Text;
using CustomerProcess.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerProcess.Infrastructure.Auditing;

/// <summary>
/// Writes audit entries as multi-row INSERTs on the transaction that is about to commit. Table, column
/// names, quoting and parameter conversions come from the EF model of <see cref="AuditEntry"/> and the
/// provider's type mappings, so the rows are stored exactly as EF would store them (SQLite keeps GUIDs
/// and dates as text, SQL Server in its own types) and read back by the same queries.
/// </summary>
internal static class AuditWriter
{
    // SQL Server takes at most 2,100 parameters and 1,000 rows per VALUES list; SQLite 32,766 parameters.
    private const int MaxParameters = 2_000;

    public static void Write(DbContext context, DbTransaction transaction, IReadOnlyList<AuditEntry> entries)
    {
        foreach (var command in Commands(context, transaction, entries))
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }
    }

    public static async Task WriteAsync(DbContext context, DbTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var command in Commands(context, transaction, entries))
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static IEnumerable<DbCommand> Commands(DbContext context, DbTransaction transaction, IReadOnlyList<AuditEntry> entries)
    {
        var entityType = context.Model.FindEntityType(typeof(AuditEntry))
            ?? throw new InvalidOperationException("AuditEntry is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var sql = context.GetService<ISqlGenerationHelper>();
        var head = new StringBuilder("INSERT INTO ")
            .Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (")
            .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))
            .Append(") VALUES ")
            .ToString();
        var rowsPerCommand = Math.Min(1_000, MaxParameters / columns.Count);

        for (var start = 0; start < entries.Count; start += rowsPerCommand)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var end = Math.Min(entries.Count, start + rowsPerCommand);
            for (var row = start; row < end; row++)
            {
                text.Append(row == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"{sql.GenerateParameterName("a")}{row - start}_{c}";
                    var value = columns[c].GetGetter().GetClrValue(entries[row]);
                    command.Parameters.Add(columns[c].GetRelationalTypeMapping().CreateParameter(command, name, value, columns[c].IsNullable));
                    text.Append(c == 0 ? "" : ", ").Append(name);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            yield return command;
        }
    }
}
