using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CustomerProcess.Analyzers;

/// <summary>
/// CP0001: a <c>CustomerProcess.Domain.Common.Result</c> or <c>Result&lt;T&gt;</c> (also inside a
/// <c>Task</c>/<c>ValueTask</c>, awaited or not) is the value of an expression statement, or is assigned
/// to the discard <c>_</c>. Every result is handled: checked, returned or passed on (docs/adr/0021).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DiscardedResultAnalyzer : DiagnosticAnalyzer
{
    public const string DiagnosticId = "CP0001";

    private static readonly DiagnosticDescriptor Rule = new(
        DiagnosticId,
        title: "A Result is discarded",
        messageFormat: "The {0} is discarded: check it, return it or pass it on",
        category: "Reliability",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A business failure is a Result, not an exception; dropping the Result hides the failure (docs/adr/0021).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeExpressionStatement, OperationKind.ExpressionStatement);
    }

    private static void AnalyzeExpressionStatement(OperationAnalysisContext context)
    {
        var operation = ((IExpressionStatementOperation)context.Operation).Operation;
        if (operation is ISimpleAssignmentOperation { Target: IDiscardOperation } discard)
        {
            Report(context, discard.Value.Type, discard.Syntax);
            return;
        }

        if (operation is IAssignmentOperation or IIncrementOrDecrementOperation)
        {
            return;
        }

        Report(context, operation.Type, operation.Syntax);
    }

    private static void Report(OperationAnalysisContext context, ITypeSymbol? type, SyntaxNode syntax)
    {
        var name = ResultName(type);
        if (name is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.GetLocation(), name));
        }
    }

    /// <summary>The display name when <paramref name="type"/> is a Result, a nullable Result, or a
    /// Task/ValueTask of one; otherwise null.</summary>
    private static string? ResultName(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return ResultName(named.TypeArguments[0]);
        }

        if (IsResult(named))
        {
            return named.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        }

        if (named.Arity == 1
            && named.Name is "Task" or "ValueTask"
            && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks"
            && named.TypeArguments[0] is INamedTypeSymbol inner
            && IsResult(inner))
        {
            return named.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        }

        return null;
    }

    private static bool IsResult(INamedTypeSymbol type) =>
        type.Name == "Result"
        && type.Arity <= 1
        && type.ContainingNamespace?.ToDisplayString() == "CustomerProcess.Domain.Common";
}
