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
        var chain = ChainPlan.For(context);
        (long, string) head;
        using (var read = chain.ReadHead(transaction))
        using (var reader = read.ExecuteReader())
        {
            Link(reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : throw NoHead(), entries, out head);
        }

        foreach (var command in Commands(context, transaction, entries))
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }

        using var update = chain.UpdateHead(transaction, head);
        update.ExecuteNonQuery();
    }

    public static async Task WriteAsync(DbContext context, DbTransaction transaction, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var chain = ChainPlan.For(context);
        (long, string) head;
        await using (var read = chain.ReadHead(transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            Link(await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : throw NoHead(), entries, out head);
        }

        foreach (var command in Commands(context, transaction, entries))
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await using var update = chain.UpdateHead(transaction, head);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Link((long Sequence, string Hash) current, IReadOnlyList<AuditEntry> entries, out (long, string) head) =>
        head = AuditChain.Link(entries, current.Sequence, current.Hash);

    private static InvalidOperationException NoHead() =>
        new("The audit chain head (AuditChainHeads, Id 1) is missing; the migrations create it.");

    /// <summary>
    /// Reading the chain head locks it until the commit (docs/adr/0031): SQL Server takes an update lock on the
    /// row (UPDLOCK, HOLDLOCK), so concurrent commits of every instance append one after another; SQLite
    /// already serialises writers (the transaction has written the record's rows and holds the write lock).
    /// </summary>
    private sealed record ChainPlan(string ReadSql, string UpdateSql, string ParameterPrefix)
    {
        private static readonly ConditionalWeakTable<IModel, ChainPlan> ChainPlans = [];

        public static ChainPlan For(DbContext context) => ChainPlans.GetValue(context.Model, _ =>
        {
            var sql = context.GetService<ISqlGenerationHelper>();
            var entityType = context.Model.FindEntityType(typeof(AuditChainHead))
                ?? throw new InvalidOperationException("AuditChainHead is not in the model.");
            var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
            var sequence = sql.DelimitIdentifier(nameof(AuditChainHead.Sequence));
            var hash = sql.DelimitIdentifier(nameof(AuditChainHead.Hash));
            var id = sql.DelimitIdentifier(nameof(AuditChainHead.Id));
            var locking = context.Database.ProviderName?.Contains("SqlServer", StringComparison.Ordinal) == true
                ? " WITH (UPDLOCK, HOLDLOCK, ROWLOCK)"
                : "";
            var prefix = sql.GenerateParameterName("h");
            return new ChainPlan(
                $"SELECT {sequence}, {hash} FROM {table}{locking} WHERE {id} = {AuditChainHead.SingleId}",
                $"UPDATE {table} SET {sequence} = {prefix}s, {hash} = {prefix}h WHERE {id} = {AuditChainHead.SingleId}",
                prefix);
        });

        public DbCommand ReadHead(DbTransaction transaction)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ReadSql;
            return command;
        }

        public DbCommand UpdateHead(DbTransaction transaction, (long Sequence, string Hash) head)
        {
            var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = UpdateSql;
            var sequence = command.CreateParameter();
            sequence.ParameterName = ParameterPrefix + "s";
            sequence.Value = head.Sequence;
            command.Parameters.Add(sequence);
            var hash = command.CreateParameter();
            hash.ParameterName = ParameterPrefix + "h";
            hash.Value = head.Hash;
            command.Parameters.Add(hash);
            return command;
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
