using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace CustomerProcess.Infrastructure.Pdf;

/// <summary>
/// Lays out a <see cref="PdfDocumentModel"/> on A4 pages with SkiaSharp. Two passes: every character the
/// document draws is collected first and the font is subset once (HarfBuzz), then the pages are laid out
/// and drawn with the subset face, so the embedded font holds only the glyphs used.
/// </summary>
public sealed class SkiaPdfRenderer(IOptions<PdfOptions> options) : IPdfRenderer
{
    private const float PageWidth = 595f;
    private const float PageHeight = 842f;
    private const float Margin = 42f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float Bottom = PageHeight - Margin - 18f; // room for the footer
    private const float CellPadding = 4f;

    private static readonly SKColor Ink = new(0x1d, 0x27, 0x33);
    private static readonly SKColor Muted = new(0x5d, 0x6b, 0x7a);
    private static readonly SKColor Rule = new(0x8a, 0x99, 0xa8);
    private static readonly SKColor HeaderFill = new(0xea, 0xf0, 0xf6);

    private readonly Lazy<byte[]> _font = new(() => LoadFont(options.Value.FontPath));

    public byte[] Render(PdfDocumentModel document)
    {
        var characters = Collect(document);
        using var data = SKData.CreateCopy(HarfBuzzSubsetter.Subset(_font.Value, characters));
        using var typeface = SKTypeface.FromData(data) ?? throw new InvalidOperationException("The subset font could not be loaded.");
        var layout = new Layout(typeface);
        layout.Title(document.Title, document.Subtitle);
        foreach (var block in document.Blocks)
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
                default:
                    throw new NotSupportedException(block.GetType().Name);
            }
        }

        using var stream = new SKDynamicMemoryWStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Creator = "CustomerProcess",
            Producer = "CustomerProcess (SkiaSharp)",
            Creation = DateTime.UtcNow,
        };
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            var total = layout.Pages.Count;
            for (var i = 0; i < total; i++)
            {
                using var canvas = pdf.BeginPage(PageWidth, PageHeight);
                foreach (var draw in layout.Pages[i])
                {
                    draw(canvas);
                }

                var footer = Footer(document.Footer, i + 1, total);
                using var font = Layout.Font(typeface, 8f);
                using var paint = new SKPaint { Color = Muted, IsAntialias = true };
                canvas.DrawText(footer, PageWidth - Margin - font.MeasureText(footer), PageHeight - Margin + 4f, font, paint);
                pdf.EndPage();
            }

            pdf.Close();
        }

        using var result = stream.DetachAsData();
        return result.ToArray();
    }

    internal static string Footer(string? footer, int page, int total) =>
        string.IsNullOrEmpty(footer)
            ? string.Create(CultureInfo.InvariantCulture, $"{page} / {total}")
            : string.Create(CultureInfo.InvariantCulture, $"{footer} · {page} / {total}");

    /// <summary>Every code point the document will draw (from the same strings that are drawn).</summary>
    private static SortedSet<int> Collect(PdfDocumentModel document)
    {
        var text = new StringBuilder();
        text.Append(document.Title).Append(document.Subtitle).Append(document.Footer).Append("0123456789 /·—");
        foreach (var block in document.Blocks)
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
                default:
                    break;
            }
        }

        var codePoints = new SortedSet<int>();
        var all = text.ToString();
        for (var i = 0; i < all.Length; i += char.IsSurrogatePair(all, i) ? 2 : 1)
        {
            codePoints.Add(char.ConvertToUtf32(all, i));
        }

        return codePoints;
    }

    private static byte[] LoadFont(string? configured)
    {
        var candidates = new[]
        {
            configured,
            Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", "wqy-microhei.ttf"),
        };
        foreach (var path in candidates)
        {
            if (!string.IsNullOrWhiteSpace(path) && File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException("No PDF font found. Set Pdf:FontPath to a TrueType face with Chinese and Latin glyphs.");
    }

    /// <summary>Positions everything, page by page, as a list of draw actions.</summary>
    private sealed class Layout(SKTypeface typeface)
    {
        private readonly SKFont _body = Font(typeface, 9.5f);
        private readonly SKFont _small = Font(typeface, 8f);
        private readonly SKFont _heading = Font(typeface, 12f);
        private readonly SKFont _title = Font(typeface, 17f);
        private float _y = Margin;

        public List<List<Action<SKCanvas>>> Pages { get; } = [[]];

        private List<Action<SKCanvas>> Page => Pages[^1];

        /// <summary>No fake bold: Skia would draw emboldened text as outlines (large, not searchable);
        /// headings differ by size and colour instead.</summary>
        public static SKFont Font(SKTypeface typeface, float size) => new(typeface, size)
        {
            Subpixel = true,
            LinearMetrics = true,
            Hinting = SKFontHinting.None,
            Edging = SKFontEdging.Antialias,
        };

        public void Title(string title, string? subtitle)
        {
            foreach (var line in Wrap(title, _title, ContentWidth))
            {
                var x = Margin + ((ContentWidth - _title.MeasureText(line)) / 2);
                Text(line, x, _y + 16f, _title, Ink);
                _y += 22f;
            }

            if (!string.IsNullOrEmpty(subtitle))
            {
                foreach (var line in Wrap(subtitle, _body, ContentWidth))
                {
                    Text(line, Margin + ((ContentWidth - _body.MeasureText(line)) / 2), _y + 11f, _body, Muted);
                    _y += 14f;
                }
            }

            _y += 6f;
            var y = _y;
            Page.Add(c => c.DrawLine(Margin, y, PageWidth - Margin, y, Stroke(1f, Ink)));
            _y += 10f;
        }

        public void Heading(string text)
        {
            Ensure(40f);
            _y += 6f;
            foreach (var line in Wrap(text, _heading, ContentWidth))
            {
                Text(line, Margin, _y + 12f, _heading, Ink);
                _y += 16f;
            }

            _y += 2f;
        }

        public void Paragraph(string text)
        {
            foreach (var line in Wrap(text, _body, ContentWidth))
            {
                Ensure(14f);
                Text(line, Margin, _y + 10f, _body, Ink);
                _y += 13.5f;
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
                var pairs = rows.Skip(i).Take(PairsPerRow).ToList();
                var cells = new List<(float X, float W, IReadOnlyList<string> Lines, bool Label)>();
                for (var p = 0; p < pairs.Count; p++)
                {
                    var x = Margin + (p * pairWidth);
                    cells.Add((x, labelWidth, Wrap(pairs[p].Label, _body, labelWidth - (2 * CellPadding)), true));
                    cells.Add((x + labelWidth, pairWidth - labelWidth, Wrap(pairs[p].Value, _body, pairWidth - labelWidth - (2 * CellPadding)), false));
                }

                var height = (cells.Max(c => Math.Max(1, c.Lines.Count)) * 13f) + (2 * CellPadding);
                Ensure(height);
                var top = _y;
                foreach (var cell in cells)
                {
                    var (x, w, lines, isLabel) = cell;
                    Page.Add(c =>
                    {
                        if (isLabel)
                        {
                            using var fill = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill };
                            c.DrawRect(x, top, w, height, fill);
                        }

                        c.DrawRect(x, top, w, height, Stroke(0.6f, Rule));
                    });
                    for (var l = 0; l < lines.Count; l++)
                    {
                        Text(lines[l], x + CellPadding, top + CellPadding + 9.5f + (l * 13f), _body, isLabel ? Muted : Ink);
                    }
                }

                _y += height;
            }

            _y += 8f;
        }

        public void Table(PdfTable table)
        {
            var weights = table.ColumnWeights is { } w && w.Count == table.Headers.Count ? w : table.Headers.Select(_ => 1f).ToList();
            var total = weights.Sum();
            var widths = weights.Select(x => ContentWidth * x / total).ToList();
            var header = table.Headers.Select((h, i) => Wrap(h, _small, widths[i] - (2 * CellPadding))).ToList();
            var headerHeight = (header.Max(h => Math.Max(1, h.Count)) * 11f) + (2 * CellPadding);

            Ensure(headerHeight + 20f);
            DrawRow(header, widths, headerHeight, _small, HeaderFill, Muted, 11f);
            foreach (var row in table.Rows)
            {
                var cells = widths.Select((width, i) => Wrap(i < row.Count ? row[i] : "", _body, width - (2 * CellPadding))).ToList();
                var height = (cells.Max(c => Math.Max(1, c.Count)) * 13f) + (2 * CellPadding);
                if (_y + height > Bottom)
                {
                    NewPage();
                    DrawRow(header, widths, headerHeight, _small, HeaderFill, Muted, 11f);
                }

                DrawRow(cells, widths, height, _body, null, Ink, 13f);
            }

            _y += 8f;
        }

        public void Signature(PdfSignature signature)
        {
            const float Height = 44f;
            Ensure(Height + 6f);
            var top = _y;
            Page.Add(c => c.DrawRect(Margin, top, ContentWidth, Height, Stroke(0.8f, Rule)));
            var capacityWidth = ContentWidth * 0.28f;
            Page.Add(c =>
            {
                using var fill = new SKPaint { Color = HeaderFill, Style = SKPaintStyle.Fill };
                c.DrawRect(Margin, top, capacityWidth, Height, fill);
                c.DrawRect(Margin, top, capacityWidth, Height, Stroke(0.8f, Rule));
            });
            var capacity = Wrap(signature.Capacity, _heading, capacityWidth - (2 * CellPadding));
            for (var i = 0; i < Math.Min(2, capacity.Count); i++)
            {
                Text(capacity[i], Margin + CellPadding, top + 17f + (i * 15f), _heading, Ink);
            }

            var x = Margin + capacityWidth + CellPadding;
            var width = ContentWidth - capacityWidth - (2 * CellPadding);
            var first = string.Join("   ", new[] { signature.Signer, signature.Meaning, signature.Time }.Where(s => !string.IsNullOrWhiteSpace(s)));
            Text(Wrap(first, _body, width).FirstOrDefault() ?? "", x, top + 15f, _body, Ink);
            var second = Wrap(signature.Conclusion ?? "", _body, width);
            for (var i = 0; i < Math.Min(2, second.Count); i++)
            {
                Text(second[i], x, top + 29f + (i * 12f), _body, Muted);
            }

            _y += Height + 6f;
        }

        private void DrawRow(IReadOnlyList<IReadOnlyList<string>> cells, IReadOnlyList<float> widths, float height, SKFont font, SKColor? fill, SKColor color, float lineHeight)
        {
            var top = _y;
            var x = Margin;
            for (var i = 0; i < widths.Count; i++)
            {
                var (cellX, cellW) = (x, widths[i]);
                Page.Add(c =>
                {
                    if (fill is { } f)
                    {
                        using var paint = new SKPaint { Color = f, Style = SKPaintStyle.Fill };
                        c.DrawRect(cellX, top, cellW, height, paint);
                    }

                    c.DrawRect(cellX, top, cellW, height, Stroke(0.6f, Rule));
                });
                for (var l = 0; l < cells[i].Count; l++)
                {
                    Text(cells[i][l], cellX + CellPadding, top + CellPadding + font.Size + (l * lineHeight), font, color);
                }

                x += widths[i];
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
                using var paint = new SKPaint { Color = color, IsAntialias = true };
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

        private static SKPaint Stroke(float width, SKColor color) => new() { Color = color, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };

        /// <summary>Wraps at spaces for Latin text and between any two CJK characters.</summary>
        private static List<string> Wrap(string text, SKFont font, float width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = new StringBuilder();
                foreach (var token in Tokens(paragraph))
                {
                    var candidate = line.ToString() + token;
                    if (font.MeasureText(candidate.TrimEnd()) <= width || line.Length == 0 && font.MeasureText(token) <= width)
                    {
                        line.Append(token);
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line.ToString().TrimEnd());
                        line.Clear();
                    }

                    var rest = token.TrimStart();
                    // A token wider than the line (a long number or word) is broken by characters.
                    while (font.MeasureText(rest) > width && rest.Length > 1)
                    {
                        var take = rest.Length - 1;
                        while (take > 1 && font.MeasureText(rest[..take]) > width)
                        {
                            take--;
                        }

                        lines.Add(rest[..take]);
                        rest = rest[take..];
                    }

                    line.Append(rest);
                }

                lines.Add(line.ToString().TrimEnd());
            }

            return lines;
        }

        private static IEnumerable<string> Tokens(string text)
        {
            var token = new StringBuilder();
            foreach (var ch in text)
            {
                if (IsCjk(ch))
                {
                    if (token.Length > 0)
                    {
                        yield return token.ToString();
                        token.Clear();
                    }

                    yield return ch.ToString();
                }
                else
                {
                    token.Append(ch);
                    if (ch == ' ')
                    {
                        yield return token.ToString();
                        token.Clear();
                    }
                }
            }

            if (token.Length > 0)
            {
                yield return token.ToString();
            }
        }

        private static bool IsCjk(char ch) =>
            ch is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';
    }
}
