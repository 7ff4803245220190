using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>
/// Lays out a <see cref="PdfDocumentModel"/> on A4 pages with SkiaSharp. Two passes: the document's strings
/// are cleaned once, every character they hold (and the footer's) is collected and the font is subset once
/// (HarfBuzz), then the pages are laid out and drawn from those same strings with the subset face, so the
/// embedded font holds only the glyphs used.
/// </summary>
public sealed class SkiaPdfRenderer(IOptions<PdfOptions> options, TimeProvider? clock = null) : IPdfRenderer, IDisposable
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 42f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float Bottom = PageHeight - Margin - 18f; // room for the footer
    private const float FooterBaseline = PageHeight - Margin + 4f;
    private const float CellPadding = 4f;
    private const string FooterCharacters = "0123456789 /·";

    private static readonly SKColor Ink = new(0x1d, 0x27, 0x33);
    private static readonly SKColor Muted = new(0x5d, 0x6b, 0x7a);
    private static readonly SKColor Rule = new(0x8a, 0x99, 0xa8);
    private static readonly SKColor HeaderFill = new(0xea, 0xf0, 0xf6);

    private readonly Lazy<HarfBuzzSubsetter.FontFace> _font = new(() => HarfBuzzSubsetter.Open(FontPath(options.Value.FontPath), options.Value.FontFaceIndex));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public byte[] Render(PdfDocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document = Clean(document);
        var subset = HarfBuzzSubsetter.Subset(_font.Value, Collect(document));
        using var data = SKData.CreateCopy(subset);
        using var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException("The subset font could not be loaded.");
        using var layout = new Layout(typeface);
        if (document.Letterhead is { } letterhead)
        {
            layout.Letterhead(letterhead);
        }

        layout.Title(document.Title, document.Subtitle);
        Draw(layout, document.Blocks);

        using var stream = new SKDynamicMemoryWStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Creator = "CustomerProcess",
            Producer = "CustomerProcess (SkiaSharp)",
            Creation = _clock.GetUtcNow().UtcDateTime,
        };
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            var total = layout.Pages.Count;
            for (var i = 0; i < total; i++)
            {
                var canvas = pdf.BeginPage(PageWidth, PageHeight);
                foreach (var draw in layout.Pages[i])
                {
                    draw(canvas);
                }

                var footer = Footer(document.Footer, i + 1, total);
                layout.DrawFooter(canvas, footer, PageWidth - Margin, FooterBaseline);
                pdf.EndPage();
            }

            pdf.Close();
        }

        using var result = stream.DetachAsData();
        return result.ToArray();
    }

    private static void Draw(Layout layout, IReadOnlyList<PdfBlock> blocks)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case PdfHeading heading:
                    layout.Heading(heading.Text);
                    break;
                case PdfParagraph paragraph:
                    layout.Paragraph(paragraph.Text);
                    break;
                case PdfFields fields:
                    layout.Fields(fields.Rows);
                    break;
                case PdfTable table:
                    layout.Table(table);
                    break;
                case PdfSignature signature:
                    layout.Signature(signature);
                    break;
                case PdfKeepTogether together:
                    layout.KeepTogether(inner => Draw(inner, together.Blocks));
                    break;
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }
    }

    /// <summary>The footer of page <paramref name="page"/>; only <see cref="FooterCharacters"/> are added to the caller's text.</summary>
    internal static string Footer(string? footer, int page, int total) =>
        string.IsNullOrEmpty(footer)
            ? string.Create(CultureInfo.InvariantCulture, $"{page} / {total}")
            : string.Create(CultureInfo.InvariantCulture, $"{footer} · {page} / {total}");

    /// <summary>
    /// The document with every string made drawable: line breaks normalized, tabs as spaces, other control
    /// characters dropped, a lone surrogate (half of a pair cut by truncation) replaced by U+FFFD.
    /// Both passes use the cleaned strings, so nothing drawn can be missing from the subset.
    /// </summary>
    private static PdfDocumentModel Clean(PdfDocumentModel d) => new(
        Clean(d.Title),
        CleanOrNull(d.Subtitle),
        Clean(d.Blocks),
        CleanOrNull(d.Footer),
        d.Letterhead is { } h ? new PdfLetterhead(Clean(h.Company), Clean(h.FormCode), Clean(h.RecordNumber)) : null);

    private static List<PdfBlock> Clean(IReadOnlyList<PdfBlock> blocks) =>
        blocks.Select(block => block switch
        {
            PdfHeading h => new PdfHeading(Clean(h.Text)),
            PdfParagraph p => new PdfParagraph(Clean(p.Text)),
            PdfFields f => new PdfFields(f.Rows.Select(r => new PdfField(Clean(r.Label), Clean(r.Value))).ToList()),
            PdfTable t => new PdfTable(
                t.Headers.Select(Clean).ToList(),
                t.Rows.Select(r => (IReadOnlyList<string>)r.Select(Clean).ToList()).ToList(),
                t.ColumnWeights),
            PdfSignature s => new PdfSignature(Clean(s.Capacity), Clean(s.Signer), Clean(s.Meaning), Clean(s.Time), CleanOrNull(s.Conclusion)),
            PdfKeepTogether k => new PdfKeepTogether(Clean(k.Blocks)),
            _ => block,
        }).ToList();

    private static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        for (var i = 0; i < normalized.Length; i++)
        {
            var ch = normalized[i];
            if (char.IsHighSurrogate(ch) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                result.Append(ch).Append(normalized[++i]);
            }
            else if (char.IsSurrogate(ch))
            {
                result.Append('\uFFFD');
            }
            else if (ch == '\t')
            {
                result.Append(' ');
            }
            else if (ch == '\n' || !char.IsControl(ch))
            {
                result.Append(ch);
            }
        }

        return result.ToString();
    }

    /// <summary>Every code point the document will draw (from the same strings that are drawn).</summary>
    private static SortedSet<int> Collect(PdfDocumentModel document)
    {
        var text = new StringBuilder();
        text.Append(document.Title).Append(document.Subtitle).Append(document.Footer).Append(FooterCharacters);
        if (document.Letterhead is { } letterhead)
        {
            text.Append(letterhead.Company).Append(letterhead.FormCode).Append(letterhead.RecordNumber);
        }

        Collect(document.Blocks, text);
        return [.. text.ToString().EnumerateRunes().Select(r => r.Value)];
    }

    private static void Collect(IReadOnlyList<PdfBlock> blocks, StringBuilder text)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case PdfHeading h:
                    text.Append(h.Text);
                    break;
                case PdfParagraph p:
                    text.Append(p.Text);
                    break;
                case PdfFields f:
                    foreach (var row in f.Rows)
                    {
                        text.Append(row.Label).Append(row.Value);
                    }

                    break;
                case PdfTable t:
                    foreach (var header in t.Headers)
                    {
                        text.Append(header);
                    }

                    foreach (var row in t.Rows)
                    {
                        foreach (var cell in row)
                        {
                            text.Append(cell);
                        }
                    }

                    break;
                case PdfSignature s:
                    text.Append(s.Capacity).Append(s.Signer).Append(s.Meaning).Append(s.Time).Append(s.Conclusion);
                    break;
                case PdfKeepTogether k:
                    Collect(k.Blocks, text);
                    break;
                default:
                    break;
            }
        }
    }

    public void Dispose()
    {
        if (_font.IsValueCreated)
        {
            _font.Value.Dispose();
        }
    }

    private static string FontPath(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A configured font that is missing is a mistake to report, not to paper over.
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"Pdf:FontPath points to {configured}, which does not exist.", configured);
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", "wqy-microhei.ttf");
        return File.Exists(shipped)
            ? shipped
            : throw new FileNotFoundException("No PDF font found. Set Pdf:FontPath to a TrueType face with Chinese and Latin glyphs.", shipped);
    }

    /// <summary>One cell of a ruled row: its lines are drawn top-down and may continue on the next page.</summary>
    private sealed record Cell(float X, float Width, IReadOnlyList<string> Lines, SKFont Font, float LineHeight, SKColor Color, SKColor? Fill = null, int ColoredLines = int.MaxValue, SKColor After = default);

    /// <summary>Positions everything, page by page, as a list of draw actions.</summary>
    private sealed class Layout(SKTypeface typeface) : IDisposable
    {
        private readonly SKTypeface _typeface = typeface;

        private const float BodyLine = 13f;
        private const float SmallLine = 11f;
        private const float HeadingLine = 15f;

        private readonly SKFont _body = Font(typeface, 9.5f);
        private readonly SKFont _small = Font(typeface, 8f);
        private readonly SKFont _heading = Font(typeface, 12f);
        private readonly SKFont _title = Font(typeface, 17f);
        private float _y = Margin;

        public List<List<Action<SKCanvas>>> Pages { get; } = [[]];

        private List<Action<SKCanvas>> Page => Pages[^1];

        /// <summary>No fake bold: Skia would draw emboldened text as outlines (large, not searchable);
        /// headings differ by size and colour instead.</summary>
        private static SKFont Font(SKTypeface typeface, float size) => new(typeface, size)
        {
            Subpixel = true,
            LinearMetrics = true,
            Hinting = SKFontHinting.None,
            Edging = SKFontEdging.Antialias,
        };

        public void Dispose()
        {
            _body.Dispose();
            _small.Dispose();
            _heading.Dispose();
            _title.Dispose();
        }

        public void DrawFooter(SKCanvas canvas, string footer, float right, float baseline)
        {
            using var paint = Fill(Muted);
            canvas.DrawText(footer, right - _small.MeasureText(footer), baseline, _small, paint);
        }

        /// <summary>Company name centred above the title; form code and revision on the left, the record's number on the right.</summary>
        public void Letterhead(PdfLetterhead letterhead)
        {
            foreach (var line in Wrap(letterhead.Company, _heading, ContentWidth))
            {
                Ensure(16f);
                Text(line, Margin + ((ContentWidth - _heading.MeasureText(line)) / 2), _y + 12f, _heading, Ink);
                _y += 16f;
            }

            Ensure(12f);
            var half = (ContentWidth / 2) - CellPadding;
            var code = Wrap(letterhead.FormCode, _small, half);
            var number = Wrap(letterhead.RecordNumber, _small, half);
            for (var i = 0; i < Math.Max(code.Count, number.Count); i++)
            {
                Ensure(SmallLine);
                if (i < code.Count)
                {
                    Text(code[i], Margin, _y + 9f, _small, Muted);
                }

                if (i < number.Count)
                {
                    Text(number[i], PageWidth - Margin - _small.MeasureText(number[i]), _y + 9f, _small, Muted);
                }

                _y += SmallLine;
            }

            _y += 4f;
        }

        /// <summary>Draws <paramref name="draw"/> on a fresh page when it would fit on one page but not on the rest of this one.</summary>
        public void KeepTogether(Action<Layout> draw)
        {
            using (var trial = new Layout(_typeface))
            {
                draw(trial);
                var height = trial._y - Margin;
                if (trial.Pages.Count == 1 && height > Bottom - _y)
                {
                    NewPage();
                }
            }

            draw(this);
        }

        public void Title(string title, string? subtitle)
        {
            foreach (var line in Wrap(title, _title, ContentWidth))
            {
                Ensure(22f);
                Text(line, Margin + ((ContentWidth - _title.MeasureText(line)) / 2), _y + 16f, _title, Ink);
                _y += 22f;
            }

            if (!string.IsNullOrEmpty(subtitle))
            {
                foreach (var line in Wrap(subtitle, _body, ContentWidth))
                {
                    Ensure(14f);
                    Text(line, Margin + ((ContentWidth - _body.MeasureText(line)) / 2), _y + 11f, _body, Muted);
                    _y += 14f;
                }
            }

            _y += 6f;
            var y = _y;
            Page.Add(c =>
            {
                using var stroke = Stroke(1f, Ink);
                c.DrawLine(Margin, y, PageWidth - Margin, y, stroke);
            });
            _y += 10f;
        }

        public void Heading(string text)
        {
            var lines = Wrap(text, _heading, ContentWidth);
            // Keep a heading with at least two lines of what follows it.
            Ensure((lines.Count * 16f) + 8f + 30f);
            _y += 6f;
            foreach (var line in lines)
            {
                Ensure(16f);
                Text(line, Margin, _y + 12f, _heading, Ink);
                _y += 16f;
            }

            _y += 2f;
        }

        public void Paragraph(string text)
        {
            const float Line = 13.5f;
            var lines = Wrap(text, _body, ContentWidth);
            for (var i = 0; i < lines.Count; i++)
            {
                // No single line of a paragraph alone at the foot (orphan) or the head (widow) of a page.
                var keep = i == 0 || i == lines.Count - 2 ? Math.Min(2, lines.Count - i) : 1;
                Ensure(keep * Line);
                Text(lines[i], Margin, _y + 10f, _body, Ink);
                _y += Line;
            }

            _y += 4f;
        }

        public void Fields(IReadOnlyList<PdfField> rows)
        {
            // Two label/value pairs per row, like the header block of a paper form.
            const int PairsPerRow = 2;
            var pairWidth = ContentWidth / PairsPerRow;
            var labelWidth = pairWidth * 0.36f;
            for (var i = 0; i < rows.Count; i += PairsPerRow)
            {
                var cells = new List<Cell>();
                foreach (var (pair, p) in rows.Skip(i).Take(PairsPerRow).Select((pair, p) => (pair, p)))
                {
                    var x = Margin + (p * pairWidth);
                    cells.Add(new Cell(x, labelWidth, Wrap(pair.Label, _body, labelWidth - (2 * CellPadding)), _body, BodyLine, Muted, HeaderFill));
                    cells.Add(new Cell(x + labelWidth, pairWidth - labelWidth, Wrap(pair.Value, _body, pairWidth - labelWidth - (2 * CellPadding)), _body, BodyLine, Ink));
                }

                Row(cells);
            }

            _y += 8f;
        }

        public void Table(PdfTable table)
        {
            if (table.Headers.Count == 0)
            {
                return;
            }

            var weights = table.ColumnWeights is { } w && w.Count == table.Headers.Count && w.All(x => x > 0)
                ? w
                : table.Headers.Select(_ => 1f).ToList();
            var total = weights.Sum();
            var widths = weights.Select(x => ContentWidth * x / total).ToList();
            var lefts = widths.Select((_, i) => Margin + widths.Take(i).Sum()).ToList();
            var header = widths.Select((width, i) => new Cell(lefts[i], width, Wrap(table.Headers[i], _small, width - (2 * CellPadding)), _small, SmallLine, Muted, HeaderFill)).ToList();
            var headerHeight = Height(header);
            var rows = table.Rows
                .Select(row => widths.Select((width, i) => new Cell(lefts[i], width, Wrap(i < row.Count ? row[i] : "", _body, width - (2 * CellPadding)), _body, BodyLine, Ink)).ToList())
                .ToList();

            // The header never stands alone at the foot of a page: it goes with the first row (or its first lines).
            var first = rows.Count == 0 ? 0f : Height(rows[0]);
            Ensure(headerHeight + (first <= Bottom - Margin - headerHeight ? first : (3 * BodyLine) + (2 * CellPadding)));
            Row(header);
            foreach (var cells in rows)
            {
                Row(cells, continued: () => Row(header), reserved: headerHeight);
            }

            _y += 8f;
        }

        public void Signature(PdfSignature signature)
        {
            var capacityWidth = ContentWidth * 0.28f;
            var width = ContentWidth - capacityWidth;
            var first = string.Join("   ", new[] { signature.Signer, signature.Meaning, signature.Time }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var signed = Wrap(first, _body, width - (2 * CellPadding));
            var lines = signed.Concat(string.IsNullOrWhiteSpace(signature.Conclusion) ? [] : Wrap(signature.Conclusion, _body, width - (2 * CellPadding))).ToList();
            Row(
                [
                    new Cell(Margin, capacityWidth, Wrap(signature.Capacity, _heading, capacityWidth - (2 * CellPadding)), _heading, HeadingLine, Ink, HeaderFill),
                    new Cell(Margin + capacityWidth, width, lines, _body, BodyLine, Ink, ColoredLines: signed.Count, After: Muted),
                ],
                minimum: 44f);
            _y += 6f;
        }

        private static float Height(IReadOnlyList<Cell> cells) =>
            cells.Max(c => Math.Max(1, c.Lines.Count) * c.LineHeight) + (2 * CellPadding);

        /// <summary>
        /// Draws a ruled row. A row that does not fit moves to the next page (after <paramref name="continued"/>,
        /// the repeated table header); a row taller than a whole page is split line by line over pages.
        /// </summary>
        private void Row(IReadOnlyList<Cell> cells, Action? continued = null, float reserved = 0f, float minimum = 0f)
        {
            var height = Math.Max(minimum, Height(cells));
            if (_y + height <= Bottom)
            {
                Draw(cells, cells.Select(_ => 0).ToArray(), cells.Select(c => c.Lines.Count).ToArray(), height);
                return;
            }

            var fresh = Bottom - Margin - reserved;
            if (height <= fresh || _y + (2 * CellPadding) + cells.Max(c => c.LineHeight) > Bottom)
            {
                NewPage();
                continued?.Invoke();
                if (height <= fresh)
                {
                    Draw(cells, cells.Select(_ => 0).ToArray(), cells.Select(c => c.Lines.Count).ToArray(), height);
                    return;
                }
            }

            var done = new int[cells.Count];
            while (true)
            {
                var available = Bottom - _y - (2 * CellPadding);
                var take = cells.Select((c, i) => Math.Min(c.Lines.Count - done[i], (int)(available / c.LineHeight))).ToArray();
                var rest = cells.Select((c, i) => c.Lines.Count - done[i] - take[i]).ToArray();
                var chunk = cells.Select((c, i) => take[i] * c.LineHeight).Max() + (2 * CellPadding);
                Draw(cells, done, take, rest.All(r => r == 0) ? Math.Max(chunk, Math.Min(minimum, Bottom - _y)) : Bottom - _y);
                if (rest.All(r => r == 0))
                {
                    return;
                }

                for (var i = 0; i < done.Length; i++)
                {
                    done[i] += take[i];
                }

                NewPage();
                continued?.Invoke();
            }
        }

        /// <summary>Draws lines [from, from + count) of each cell in boxes of the given height, then moves down.</summary>
        private void Draw(IReadOnlyList<Cell> cells, int[] from, int[] count, float height)
        {
            var top = _y;
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                Page.Add(c =>
                {
                    if (cell.Fill is { } fill)
                    {
                        using var paint = Fill(fill);
                        c.DrawRect(cell.X, top, cell.Width, height, paint);
                    }

                    using var stroke = Stroke(0.6f, Rule);
                    c.DrawRect(cell.X, top, cell.Width, height, stroke);
                });
                for (var l = 0; l < count[i]; l++)
                {
                    var index = from[i] + l;
                    var baseline = top + CellPadding + cell.Font.Size + (l * cell.LineHeight);
                    Text(cell.Lines[index], cell.X + CellPadding, baseline, cell.Font, index < cell.ColoredLines ? cell.Color : cell.After);
                }
            }

            _y += height;
        }

        private void Text(string text, float x, float y, SKFont font, SKColor color)
        {
            if (text.Length == 0)
            {
                return;
            }

            Page.Add(c =>
            {
                using var paint = Fill(color);
                c.DrawText(text, x, y, font, paint);
            });
        }

        private void Ensure(float height)
        {
            if (_y + height > Bottom && _y > Margin + 1f)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            Pages.Add([]);
            _y = Margin;
        }

        private static SKPaint Fill(SKColor color) => new() { Color = color, Style = SKPaintStyle.Fill, IsAntialias = true };

        private static SKPaint Stroke(float width, SKColor color) => new() { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };

        /// <summary>Wraps at spaces for Latin text and between any two CJK characters; a word wider than
        /// the line is broken between characters (never inside a surrogate pair).</summary>
        private static List<string> Wrap(string text, SKFont font, float width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var token in Tokens(paragraph))
                {
                    if (font.MeasureText((line + token).TrimEnd()) <= width)
                    {
                        line.Append(token);
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line.ToString().TrimEnd());
                        line.Clear();
                    }

                    var rest = token.TrimStart(' ');
                    while (font.MeasureText(rest.TrimEnd()) > width)
                    {
                        var take = FittingPrefix(rest, font, width);
                        lines.Add(rest[..take]);
                        rest = rest[take..];
                    }

                    line.Append(rest);
                }

                lines.Add(line.ToString().TrimEnd());
            }

            return lines;
        }

        /// <summary>The length of the longest prefix of whole characters that fits (at least one character).</summary>
        private static int FittingPrefix(string text, SKFont font, float width)
        {
            var length = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                var next = length + rune.Utf16SequenceLength;
                if (length > 0 && font.MeasureText(text.AsSpan(0, next)) > width)
                {
                    break;
                }

                length = next;
            }

            return length;
        }

        /// <summary>Break opportunities: after a space, and before and after every CJK character.</summary>
        private static IEnumerable<string> Tokens(string text)
        {
            var token = new StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                if (IsCjk(rune))
                {
                    if (token.Length > 0)
                    {
                        yield return token.ToString();
                        token.Clear();
                    }

                    yield return rune.ToString();
                    continue;
                }

                token.Append(rune.ToString());
                if (rune.Value == ' ')
                {
                    yield return token.ToString();
                    token.Clear();
                }
            }

            if (token.Length > 0)
            {
                yield return token.ToString();
            }
        }

        /// <summary>CJK radicals, punctuation, kana, ideographs (with extension A), Hangul, compatibility
        /// ideographs, full-width forms and the supplementary ideograph planes.</summary>
        private static bool IsCjk(Rune rune) => rune.Value is
            (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF);
    }
}
