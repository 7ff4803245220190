using CustomerProcess.Domain.Auditing;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Persistence;

namespace CustomerProcess.Web.Features.Audit;

/// <summary><c>verify-audit</c> (Program.cs, ADR 0023's commands): the same walk as /Audit/Verify, for an operator
/// or a scheduled job. Exit code 0 when the chain is intact, 1 when broken (the first broken row is printed).</summary>
public static class VerifyAuditCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var report = await AuditVerification.VerifyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), cancellationToken);
        await output.WriteLineAsync(Describe(report));
        return report.Intact ? 0 : 1;
    }

    public static string Describe(AuditChainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.FirstBreak switch
        {
            null => $"Audit trail intact: {report.EntriesChecked} entries checked up to the chain head ({report.HeadSequence}).",
            { Fault: AuditChainFault.HashMismatch } b => $"AUDIT TRAIL BROKEN at row {b.EntryId} (place {b.Sequence}): changed after it was written, its hash does not match its content. {report.EntriesChecked} entries before it are intact.",
            { Fault: AuditChainFault.MissingRow } b => $"AUDIT TRAIL BROKEN before row {b.EntryId} (place {b.Sequence}): a row was removed. {report.EntriesChecked} entries before it are intact.",
            { Fault: AuditChainFault.UnchainedRow } b => $"AUDIT TRAIL BROKEN at row {b.EntryId}: inserted outside the application, it has no place in the chain.",
            { Fault: AuditChainFault.HeadMismatch } => $"AUDIT TRAIL BROKEN at the end: the last rows do not reach the chain head (place {report.HeadSequence}); rows were removed or added.",
            _ => throw new InvalidOperationException("Unknown audit chain fault."),
        };
    }
}
