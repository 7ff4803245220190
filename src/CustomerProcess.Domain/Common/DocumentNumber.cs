namespace CustomerProcess.Domain.Common;

/// <summary>
/// A per-prefix, per-year counter row (e.g. "HT-2026"). Incremented in the same transaction as the
/// record it numbers, with optimistic concurrency, so numbers are unique and gap-free under load.
/// </summary>
public sealed class DocumentSequence : IVersioned
{
    private DocumentSequence()
    {
    }

    public DocumentSequence(string key)
    {
        Key = key;
    }

    public string Key { get; private set; } = "";

    public int LastValue { get; private set; }

    public int Version { get; private set; }

    public int Next()
    {
        LastValue++;
        return LastValue;
    }

    public static string KeyFor(string prefix, int year) => $"{prefix}-{year}";

    public static string Format(string prefix, int year, int value) => $"{prefix}-{year}-{value:D4}";
}
