using System.Text.Json;
using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>One field of an edit form as it is stored: the English label (a resource key) and the value as text.</summary>
public sealed record FieldValue(string Key, string Label, string? Value);

/// <summary>A field someone else changed while the form was open: what the form was loaded with and what is stored now.</summary>
public sealed record ConflictField(string Label, string? Loaded, string? Current);

/// <summary>What a refused (stale) save shows: the other person's change and, from the audit trail, who made it and when.</summary>
public sealed record EditConflict(IReadOnlyList<ConflictField> Fields, string? ChangedBy, DateTime? ChangedAtUtc);

/// <summary>
/// Optimistic concurrency on edit forms (issue #21): the form carries the version it was loaded with and the values it
/// showed (<see cref="Encode"/>, a hidden field). A save against a newer version is refused; the page then shows which
/// stored values differ from the loaded ones and keeps the user's input. The loaded values are only shown back to the
/// same user, never trusted for anything else.
/// </summary>
public sealed class EditConflicts(AppDbContext db)
{
    /// <summary>The longest loaded snapshot a form may post back (a record's text fields, base64 JSON).</summary>
    public const int EncodedLength = 32_768;

    public static string Encode(IEnumerable<FieldValue> values) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)));

    public static IReadOnlyDictionary<string, string?> Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return new Dictionary<string, string?>();
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(Convert.FromBase64String(encoded)) ?? [];
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return new Dictionary<string, string?>();
        }
    }

    /// <summary>Saves the edit only while the record still has the version the form was loaded with; false (nothing saved,
    /// the context cleared) when someone else saved it meanwhile.</summary>
    public async Task<bool> SaveAtVersionAsync<T>(T entity, int loadedVersion, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = loadedVersion;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Changes and saves a record at the version its edit form was loaded with: missing → <paramref name="notFound"/>;
    /// saved by someone else meanwhile (before or during this save) → <paramref name="stale"/>, nothing saved.</summary>
    public async Task<Result> EditAtVersionAsync<T>(T? entity, int loadedVersion, DomainError notFound, DomainError stale, Action<T> change, CancellationToken cancellationToken)
        where T : class, IVersioned
    {
        if (entity is null)
        {
            return notFound;
        }

        if (entity.Version != loadedVersion)
        {
            return stale;
        }

        change(entity);
        return await SaveAtVersionAsync(entity, loadedVersion, cancellationToken) ? Result.Success() : stale;
    }

    /// <summary>The edit form shown again after a refused stale save (409 through <see cref="UseCaseResponses"/>): when the
    /// stored record moved on since the form was loaded, the page shows what someone else changed, who and when
    /// (ViewData "Conflict"), and the form goes on from the stored values: <paramref name="goOn"/> gets their encoding for the
    /// form's loaded values and sets the stored version, so saving again keeps the user's input.</summary>
    public async Task ShowWhenStaleAsync(
        ViewDataDictionary viewData, bool stale, string entityType, string entityId, string? loaded, Func<Task<IEnumerable<FieldValue>>> current, Action<string> goOn, CancellationToken cancellationToken)
    {
        if (!stale)
        {
            return;
        }

        var snapshot = (await current()).ToList();
        viewData["Conflict"] = await DescribeAsync(entityType, entityId, loaded, snapshot, cancellationToken);
        goOn(Encode(snapshot));
    }

    /// <summary>Compares what the form was loaded with to what is stored now and looks up the last change in the audit trail.</summary>
    public async Task<EditConflict> DescribeAsync(string entityType, string entityId, string? loaded, IEnumerable<FieldValue> current, CancellationToken cancellationToken)
    {
        var was = Decode(loaded);
        var fields = current
            .Where(c => !was.TryGetValue(c.Key, out var before) || !string.Equals(before, c.Value, StringComparison.Ordinal))
            .Select(c => new ConflictField(c.Label, was.TryGetValue(c.Key, out var before) ? before : null, c.Value))
            .ToList();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && a.EntityId == entityId)
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.UserName, a.UtcTime })
            .FirstOrDefaultAsync(cancellationToken);
        return new EditConflict(fields, last?.UserName, last?.UtcTime);
    }
}
