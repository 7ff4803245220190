using System.Collections.Immutable;
using CustomerProcess.Analyzers;
using CustomerProcess.Domain.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CustomerProcess.Domain.Tests.Analyzers;

/// <summary>CP0001 (docs/adr/0021): a Result that is dropped is a build error; a handled one is not.</summary>
public class DiscardedResultAnalyzerTests
{
    private const string Prelude = """
        using System.Threading.Tasks;
        using CustomerProcess.Domain.Common;

        public static class Act
        {
            public static Result Do() => Result.Success();
            public static Result<int> Count() => Result<int>.Success(1);
            public static Task<Result> DoAsync() => Task.FromResult(Result.Success());
            public static Task<Result<int>> CountAsync() => Task.FromResult(Result<int>.Success(1));
            public static ValueTask<Result> DoValueAsync() => ValueTask.FromResult(Result.Success());
            public static int Plain() => 1;
            public static Task PlainAsync() => Task.CompletedTask;
        }

        public class Caller
        {
        """;

    [Theory]
    [InlineData("public void M() { Act.Do(); }")]
    [InlineData("public void M() { Act.Count(); }")]
    [InlineData("public void M() { _ = Act.Do(); }")]
    [InlineData("public void M() { _ = Act.Count(); }")]
    [InlineData("public async Task M() { await Act.DoAsync(); }")]
    [InlineData("public async Task M() { await Act.CountAsync(); }")]
    [InlineData("public async Task M() { await Act.DoValueAsync(); }")]
    [InlineData("public async Task M() { _ = await Act.DoAsync(); }")]
    [InlineData("public void M() { _ = Act.DoAsync(); }")]
    [InlineData("public void M() { Act.DoAsync(); }")]
    [InlineData("public void M(bool b) { _ = b switch { true => Act.Do(), false => Result.Success() }; }")]
    [InlineData("public void M() { System.Action a = () => Act.Do(); }")]
    public async Task Reports_CP0001_when_a_result_is_dropped(string member)
    {
        var diagnostics = await AnalyzeAsync(member);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CP0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Theory]
    [InlineData("public Result M() { var r = Act.Do(); return r; }")]
    [InlineData("public Result M() => Act.Do();")]
    [InlineData("public bool M() { return Act.Do().Succeeded; }")]
    [InlineData("public async Task<Result> M() { return await Act.DoAsync(); }")]
    [InlineData("public async Task<bool> M() { var r = await Act.CountAsync(); return r.Succeeded; }")]
    [InlineData("public Task<Result> M() => Act.DoAsync();")]
    [InlineData("public void M() { if (!Act.Do().Succeeded) { throw new System.InvalidOperationException(); } }")]
    [InlineData("private Result field; public void M() { field = Act.Do(); }")]
    [InlineData("public async Task M() { Act.Plain(); _ = Act.Plain(); await Act.PlainAsync(); }")]
    [InlineData("public System.Func<Result> M() => () => Act.Do();")]
    public async Task Reports_nothing_when_the_result_is_assigned_returned_or_checked(string member)
    {
        var diagnostics = await AnalyzeAsync(member);

        Assert.Empty(diagnostics);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string member)
    {
        var source = Prelude + member + "\n}\n";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Result).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, string.Join("\n", compileErrors));

        return await compilation
            .WithAnalyzers([new DiscardedResultAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
    }
}
