namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>
/// A printable form (review form, task notice, feedback sheet) as data: the renderer lays it
/// out on A4 pages. All strings are already in the user's language.
/// </summary>
public sealed record PdfDocumentModel(
    string Title,
    string? Subtitle,
    IReadOnlyList<PdfBlock> Blocks,
    string? Footer = null);

public abstract record PdfBlock;

/// <summary>A section heading.</summary>
public sealed record PdfHeading(string Text) : PdfBlock;

/// <summary>Wrapped body text.</summary>
public sealed record PdfParagraph(string Text) : PdfBlock;

/// <summary>Label/value pairs in a two-column grid (the header fields of a paper form).</summary>
public sealed record PdfFields(IReadOnlyList<PdfField> Rows) : PdfBlock;

public sealed record PdfField(string Label, string Value);

/// <summary>A ruled table; cells wrap. ColumnWeights are relative widths (null: equal).</summary>
public sealed record PdfTable(
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<float>? ColumnWeights = null) : PdfBlock;

/// <summary>A signature box: who signed, in which capacity, what it means, when, with what conclusion.</summary>
public sealed record PdfSignature(string Capacity, string Signer, string Meaning, string Time, string? Conclusion) : PdfBlock;

public interface IPdfRenderer
{
    /// <summary>Renders the document to PDF bytes (fonts subset and embedded).</summary>
    byte[] Render(PdfDocumentModel document);
}
