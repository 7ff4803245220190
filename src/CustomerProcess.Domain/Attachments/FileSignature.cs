namespace CustomerProcess.Domain.Attachments;

/// <summary>
/// Whether a file's content starts with the signature ("magic bytes") of the type its extension names, for every type
/// an attachment may have. The extension alone let an HTML page, an SVG image or a program renamed <c>.pdf</c> or
/// <c>.png</c> be stored and served back under that type.
/// </summary>
public static class FileSignature
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>Word and Excel files since 2007 (.docx, .xlsx) are ZIP packages: a local file header first.</summary>
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, byte[]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".docx"] = Zip,
        [".xlsx"] = Zip,
    };

    /// <summary>True when the extension of <paramref name="fileName"/> is a known type and the content starts with
    /// that type's signature; false for an unknown extension.</summary>
    public static bool Matches(string fileName, ReadOnlySpan<byte> content) =>
        Signatures.TryGetValue(Path.GetExtension(fileName), out var signature) && content.StartsWith(signature);

    /// <summary>The extensions with a known signature (the types an attachment may have).</summary>
    public static IReadOnlyCollection<string> Extensions => Signatures.Keys;
}
