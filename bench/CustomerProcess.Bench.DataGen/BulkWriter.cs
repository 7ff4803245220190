using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerProcess.Bench.DataGen;

/// <summary>
/// Inserts entities made by the domain's own constructors and methods with one prepared INSERT per
/// table. Table, columns, value converters (enums as strings, the reasons as JSON) and parameter
/// types all come from the app's EF Core model, so the rows are the ones SaveChanges would write
/// (without the audit entries the interceptor adds; see docs/adr/0006-benchmark-method.md).
/// </summary>
internal sealed class BulkWriter(IModel model, SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<Type, PreparedInsert> _inserts = [];

    public long Rows { get; private set; }

    public void Insert<T>(SqliteTransaction transaction, IEnumerable<T> entities)
        where T : class
    {
        var insert = InsertFor(typeof(T));
        insert.Command.Transaction = transaction;
        foreach (var entity in entities)
        {
            for (var i = 0; i < insert.Columns.Count; i++)
            {
                var column = insert.Columns[i];
                var value = column.Property.GetGetter().GetClrValueUsingContainingEntity(entity);
                if (value is not null && column.Mapping.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                insert.Command.Parameters[i].Value = value ?? DBNull.Value;
            }

            insert.Command.ExecuteNonQuery();
            Rows++;
        }
    }

    public void Dispose()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Command.Dispose();
        }
    }

    private PreparedInsert InsertFor(Type type)
    {
        if (_inserts.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var properties = entityType.GetProperties().ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{type.Name}.{shadow.Name} is a shadow property; the bulk writer cannot read it.");
        }

        var command = connection.CreateCommand();
        var columns = new List<Column>();
        var names = new List<string>();
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            var mapping = property.GetRelationalTypeMapping();
            // EF's own type mapping configures each parameter (e.g. GUIDs as upper-case TEXT).
            command.Parameters.Add(mapping.CreateParameter(command, $"@p{i}", null, nullable: true));
            columns.Add(new Column(property, mapping));
            names.Add("\"" + property.GetColumnName(store) + "\"");
        }

        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))})";
        command.Prepare();
        var insert = new PreparedInsert(command, columns);
        _inserts[type] = insert;
        return insert;
    }

    private sealed record Column(IProperty Property, RelationalTypeMapping Mapping);

    private sealed record PreparedInsert(DbCommand Command, IReadOnlyList<Column> Columns);
}
