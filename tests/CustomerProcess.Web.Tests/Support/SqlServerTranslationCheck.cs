using System.Linq.Expressions;
using System.Reflection;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace CustomerProcess.Web.Tests.Support;

/// <summary>
/// No SQL Server engine runs on the build machines, so every LINQ query the app compiles while a test runs (on
/// SQLite) is also compiled by the SQL Server provider, without a connection: the query's entity roots are moved
/// to the SQL Server model and EF translates it as it would before sending it. A query that SQL Server's
/// provider cannot translate fails the request (and so the test) with the query shown. Every query of the
/// integration suite is checked once per process (EF compiles a query shape once). What this does not check:
/// the SQL text SQL Server would then run, and anything only a server shows (locking, collation, timing).
/// </summary>
public sealed class SqlServerTranslationCheck : IQueryExpressionInterceptor
{
    private static readonly Lock Gate = new();
    private static readonly Lazy<SqlServerAppDbContext> SqlServer = new(() => new SqlServerDesignTimeFactory().CreateDbContext([]));
    private static int _checked;

    public static SqlServerTranslationCheck Instance { get; } = new();

    /// <summary>How many query shapes were compiled for SQL Server in this process.</summary>
    public static int Checked => Volatile.Read(ref _checked);

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (eventData.Context is SqliteAppDbContext)
        {
            Translate(queryExpression);
        }

        return queryExpression;
    }

    /// <summary>Compiles the query with the SQL Server provider; throws when it does not translate.</summary>
    public static void Translate(Expression query)
    {
        var roots = new RootsOf(SqlServer.Value.Model);
        var moved = roots.Visit(query);
        if (roots.RawSql)
        {
            return; // provider-specific SQL text by design: nothing to translate
        }

        var result = ElementOfQueryable(query.Type) is { } element ? typeof(IEnumerable<>).MakeGenericType(element) : query.Type;
        lock (Gate)
        {
            var compilation = SqlServer.Value.GetService<IQueryCompilationContextFactory>().Create(async: false);
            try
            {
                typeof(QueryCompilationContext).GetMethod(nameof(QueryCompilationContext.CreateQueryExecutor))!
                    .MakeGenericMethod(result).Invoke(compilation, [moved]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw new InvalidOperationException(
                    $"This query does not translate for SQL Server: {e.InnerException.Message}{Environment.NewLine}{query}", e.InnerException);
            }
        }

        Interlocked.Increment(ref _checked);
    }

    private static Type? ElementOfQueryable(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryable<>))?.GetGenericArguments()[0];

    private sealed class RootsOf(IModel model) : ExpressionVisitor
    {
        public bool RawSql { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            switch (node)
            {
                case EntityQueryRootExpression when node.GetType().Name == "FromSqlQueryRootExpression": // EF's type is internal
                    RawSql = true;
                    return node;
                case EntityQueryRootExpression root:
                    return new EntityQueryRootExpression(model.FindEntityType(root.EntityType.Name)
                        ?? throw new InvalidOperationException($"{root.EntityType.Name} is not in the SQL Server model."));
                default:
                    return base.VisitExtension(node);
            }
        }
    }
}
