using System.Data.Common;
using System.Runtime.CompilerServices;
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
        var plan = Plans.GetValue(context.Model, _ => Plan.For(context));
        for (var start = 0; start < entries.Count; start += plan.RowsPerCommand)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(plan.Head);
            var end = Math.Min(entries.Count, start + plan.RowsPerCommand);
            for (var row = start; row < end; row++)
            {
                text.Append(row == start ? "(" : ", (");
                for (var c = 0; c < plan.Columns.Count; c++)
                {
                    var column = plan.Columns[c];
                    var name = $"{plan.ParameterPrefix}{row - start}_{c}";
                    command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValue(entries[row]), column.Nullable));
                    text.Append(c == 0 ? "" : ", ").Append(name);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            yield return command;
        }
    }

    // The INSERT's head, columns and type mappings depend only on the model: worked out once per model
    // (one per provider), not on every commit.
    private static readonly ConditionalWeakTable<IModel, Plan> Plans = [];

    private sealed record Column(IClrPropertyGetter Getter, RelationalTypeMapping Mapping, bool Nullable);

    private sealed record Plan(string Head, string ParameterPrefix, IReadOnlyList<Column> Columns, int RowsPerCommand)
    {
        public static Plan For(DbContext context)
        {
            var entityType = context.Model.FindEntityType(typeof(AuditEntry))
                ?? throw new InvalidOperationException("AuditEntry is not in the model.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var properties = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
            var sql = context.GetService<ISqlGenerationHelper>();
            var head = new StringBuilder("INSERT INTO ")
                .Append(sql.DelimitIdentifier(table.Name, table.Schema))
                .Append(" (")
                .AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))
                .Append(") VALUES ")
                .ToString();
            var columns = properties.Select(p => new Column(p.GetGetter(), p.GetRelationalTypeMapping(), p.IsNullable)).ToList();
            return new Plan(head, sql.GenerateParameterName("a"), columns, Math.Min(1_000, MaxParameters / columns.Count));
        }
    }
}
