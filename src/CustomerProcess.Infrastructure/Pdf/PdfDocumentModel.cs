namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>
/// A printable form (review form, task notice, feedback sheet) as data: the renderer lays it
/// out on A4 pages. All strings are already in the user's language.
/// </summary>
public sealed record PdfDocumentModel(
    string Title,
    string? Subtitle,
    IReadOnlyList<PdfBlock> Blocks,
    string? Footer = null,
    PdfLetterhead? Letterhead = null);

/// <summary>The head of a controlled paper form: the company's name above the title, and on the right the form's
/// code and revision and the record's number (already labelled in the user's language).</summary>
public sealed record PdfLetterhead(string Company, string FormCode, string RecordNumber);

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

/// <summary>Blocks kept on one page when they fit on one (the last section with the approval block, a signature
/// area); when they are longer than a page they flow as usual.</summary>
public sealed record PdfKeepTogether(IReadOnlyList<PdfBlock> Blocks) : PdfBlock;

public interface IPdfRenderer
{
    /// <summary>Renders the document to PDF bytes (fonts subset and embedded).</summary>
    byte[] Render(PdfDocumentModel document);
}
