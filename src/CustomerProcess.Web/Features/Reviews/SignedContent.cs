using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>
/// Signatures bound to content (docs/adr/0032): each new signature or decision stores the hash of the subject's
/// content as it was signed — an order's lines, amounts, requirements and conditions; a change's revised order and
/// what and why; a tender's summary — and the form and PDF compare it with the content today.
/// </summary>
public static class SignedContent
{
    /// <summary>The hash of the subject as the review form shows it.</summary>
    public static string HashOf(ReviewSubjectView subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var fingerprint = new ContentFingerprint()
            .Add("subject.kind", subject.Kind.ToString())
            .Add("subject.id", subject.Id)
            .Add("subject.number", subject.Number);
        if (subject.Order is { } order)
        {
            fingerprint.AddOrder(order);
        }

        fingerprint.Add("subject.summary", subject.Summary.Count);
        foreach (var line in subject.Summary)
        {
            fingerprint.Add("summary", line);
        }

        return fingerprint.Hash();
    }

    /// <summary>Binds the signatures this act added (tracked, not yet saved) to the subject's content; reads the
    /// subject only when there is one to bind.</summary>
    public static async Task BindNewSignaturesAsync(AppDbContext db, IReviewSubjectSource source, Guid subjectId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(source);
        var added = db.ChangeTracker.Entries<ReviewSignature>()
            .Where(e => e.State == EntityState.Added && e.Entity.ContentHash is null)
            .Select(e => e.Entity)
            .ToList();
        if (added.Count == 0 || await source.ViewAsync(subjectId, cancellationToken) is not { } view)
        {
            return;
        }

        var hash = HashOf(view);
        foreach (var signature in added)
        {
            signature.BindContent(hash);
        }
    }

    /// <summary>"signed version abc…" and, when the content is not the same today, a plain warning. A disposed review
    /// (<paramref name="currentHash"/> null, ADR 0041) says so instead: its texts were blanked on purpose.</summary>
    public static string Describe(ReviewSignature signature, string? currentHash, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(l);
        if (signature.ContentHash is null)
        {
            return l["signed version not recorded"];
        }

        var text = l["signed version {0}", ContentFingerprint.Short(signature.ContentHash)].Value;
        if (currentHash is null)
        {
            return text + " — " + l["disposed of after its retention period; not compared"];
        }

        return Matches(signature, currentHash) ? text : text + " — " + l["the content has changed since it was signed"];
    }

    public static bool Matches(ReviewSignature signature, string? currentHash) =>
        signature?.ContentHash is null || currentHash is null || string.Equals(signature.ContentHash, currentHash, StringComparison.Ordinal);
}
