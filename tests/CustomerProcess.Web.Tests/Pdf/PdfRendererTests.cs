using System.Diagnostics;
using System.Globalization;
using System.Text;
using CustomerProcess.Infrastructure.Pdf;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using Xunit.Abstractions;

namespace CustomerProcess.Web.Tests.Pdf;

public sealed class PdfRendererTests(ITestOutputHelper output)
{
    private const double PageHeight = 842;
    private const double Margin = 42;

    private static readonly SkiaPdfRenderer Renderer = new(Options.Create(new PdfOptions()));

    private static string Save(string name, byte[] pdf)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, pdf);
        return path;
    }

    private static PdfDocumentModel Form(int rows) => new(
        "合同评审表 / Contract Review Form",
        "DD-2026-0001",
        [
            new PdfFields([new("订单 Order", "DD-2026-0001"), new("客户 Customer", "上海东方机械有限公司"), new("评审级别 Level", "合同评审会议 Review meeting"), new("合计 Total", "¥1,200,000.00")]),
            new PdfHeading("订单明细"),
            new PdfHeading("Order lines"),
            new PdfTable(
                ["#", "品名 Item", "数量 Qty", "金额 Amount"],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[i.ToString(CultureInfo.InvariantCulture), "离心泵 Centrifugal pump IS80-65-160 第" + i + "行", "100", "¥12,000.00"]).ToList(),
                [0.5f, 4, 1, 2]),
            new PdfParagraph("隐含要求：适用于化工介质。Implied: suitable for chemical media, with a long English sentence that has to wrap over more than one line on the page."),
            new PdfSignature("质量部 Quality", "张质量 Zhang", "已评审 Reviewed", "2026-11-23 16:17", "接受 Accept"),
            new PdfSignature("总经理 General manager", "陈总 Chen", "已批准 Approved", "2026-11-24 09:00", "同意"),
        ],
        "CustomerProcess · DD-2026-0001");

    /// <summary>The page's text without white space (wrapped lines are joined without a separator).</summary>
    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Text(Page page) => Compact(page.Text);

    /// <summary>The footer sits in the bottom margin; everything else must stay above it.</summary>
    private static void AssertNothingBelowTheBottomMargin(Page page)
    {
        var footerBaseline = page.Letters.Min(l => l.StartBaseLine.Y);
        Assert.InRange(footerBaseline, PageHeight - (PageHeight - Margin + 4) - 1, PageHeight - (PageHeight - Margin + 4) + 1);
        var body = page.Letters.Where(l => l.StartBaseLine.Y > footerBaseline + 1).ToList();
        Assert.All(body, l => Assert.True(l.BoundingBox.Bottom >= Margin, $"'{l.Value}' at y={l.BoundingBox.Bottom:F1} runs into the bottom margin"));
        Assert.All(page.Letters, l => Assert.True(l.BoundingBox.Top <= PageHeight && l.BoundingBox.Right <= 595.5, $"'{l.Value}' is off the page"));
    }

    [Fact]
    public void A_bilingual_one_page_form_reads_back_and_stays_small()
    {
        var renderer = new SkiaPdfRenderer(Options.Create(new PdfOptions()));
        var clock = Stopwatch.StartNew();
        var pdf = renderer.Render(Form(rows: 3));
        var cold = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        renderer.Render(Form(rows: 3));
        var warm = clock.Elapsed.TotalMilliseconds;
        Save("one-page.pdf", pdf);
        output.WriteLine($"one-page form: {pdf.Length:N0} bytes; {cold:F0} ms with loading the font, then {warm:F0} ms");

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = Text(document.GetPage(1));
        foreach (var expected in new[] { "合同评审表", "ContractReviewForm", "订单明细", "Orderlines", "上海东方机械有限公司", "¥1,200,000.00", "第3行", "张质量Zhang", "陈总Chen", "已批准Approved", "接受Accept", "CustomerProcess·DD-2026-0001·1/1" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.True(pdf.Length < 300_000, $"The one-page form is {pdf.Length:N0} bytes; the font must be subset.");
    }

    [Fact]
    public void A_sixty_row_table_continues_on_the_next_pages_with_its_header_and_every_page_is_numbered()
    {
        var clock = Stopwatch.StartNew();
        var pdf = Renderer.Render(Form(rows: 60));
        clock.Stop();
        Save("multi-page.pdf", pdf);
        output.WriteLine($"60-row form: {pdf.Length:N0} bytes, {clock.Elapsed.TotalMilliseconds:F0} ms");

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count >= 2, $"{pages.Count} page(s)");
        Assert.Contains("IS80-65-160", Text(pages[1]), StringComparison.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            var text = Text(pages[i]);
            Assert.EndsWith($"CustomerProcess·DD-2026-0001·{i + 1}/{pages.Count}", text, StringComparison.Ordinal);
            if (text.Contains("IS80-65-160", StringComparison.Ordinal))
            {
                Assert.Contains("#品名Item数量Qty金额Amount", text, StringComparison.Ordinal); // the header row on every page of the table
            }

            AssertNothingBelowTheBottomMargin(pages[i]);
        }

        // Every row exactly once, in order, none lost or doubled at a page break.
        var all = string.Concat(pages.Select(Text));
        var positions = Enumerable.Range(1, 60).Select(i => all.IndexOf($"IS80-65-160第{i}行", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.All(Enumerable.Range(1, 60), i => Assert.Equal(all.IndexOf($"第{i}行", StringComparison.Ordinal), all.LastIndexOf($"第{i}行", StringComparison.Ordinal)));
        Assert.Contains("张质量Zhang", all, StringComparison.Ordinal);
        Assert.Contains("陈总Chen", all, StringComparison.Ordinal);
        // The two-line paragraph after the table is kept together (no widow on the next page).
        Assert.Contains(Compact("隐含要求：适用于化工介质。Implied: suitable for chemical media, with a long English sentence that has to wrap over more than one line on the page."), all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_outside_the_font_does_not_crash_the_rendering()
    {
        var pdf = Renderer.Render(new PdfDocumentModel(
            "Emoji 😀 and 𠀀",
            "lone \ud800 surrogate",
            [new PdfParagraph("\u0007 control, 😀 emoji, tab\tend"), new PdfTable(["A"], [["half a pair: \udc00 x"]])]));

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = Text(document.GetPage(1));
        Assert.Contains("Emoji", text, StringComparison.Ordinal);
        Assert.Contains("surrogate", text, StringComparison.Ordinal);
        Assert.Contains("emoji,tab", text, StringComparison.Ordinal);
        Assert.Contains("halfapair:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_cell_longer_than_a_page_is_split_over_pages_and_no_text_is_lost()
    {
        var longText = string.Concat(Enumerable.Range(1, 400).Select(i => $"要求{i} requirement {i}; "));
        var pdf = Renderer.Render(new PdfDocumentModel(
            "长文本 Long text",
            null,
            [
                new PdfFields([new("客户 Customer", "ACME"), new("备注 Notes", longText)]),
                new PdfTable(["#", "内容 Content"], [["1", longText], ["2", "短 short"]], [1, 6]),
            ],
            "Footer"));
        Save("long-cell.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().ToList();
        Assert.True(pages.Count >= 3, $"{pages.Count} page(s)");
        Assert.All(pages, AssertNothingBelowTheBottomMargin);
        var all = string.Concat(pages.Select(p => Text(p)[..^$"Footer·{p.Number}/{pages.Count}".Length]));
        var expected = Compact(longText);
        var first = all.IndexOf(expected[..40], StringComparison.Ordinal);
        Assert.True(first >= 0);
        // The grid value reads back whole, then the table cell does (its header repeated on each page it spans).
        Assert.Equal(expected, all.Substring(first, expected.Length));
        var table = all.IndexOf("#内容Content1", StringComparison.Ordinal);
        Assert.True(table > first);
        Assert.Equal(expected, string.Concat(all[(table + "#内容Content1".Length)..].Split("#内容Content")).Replace("2短short", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_signature_box_grows_to_show_a_long_conclusion_and_signer()
    {
        var conclusion = string.Concat(Enumerable.Repeat("有条件接受：交期需延后两周，需客户书面确认。Conditional: delivery two weeks later, confirmed by the customer in writing. ", 5));
        var pdf = Renderer.Render(new PdfDocumentModel(
            "签名 Signatures",
            null,
            [new PdfSignature("技术部 Technical department head", "王技术 Wang (Technical head, deputy for the production head)", "已评审 Reviewed, with a discrepancy", "2026-11-23 16:17", conclusion)]));
        Save("signature.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        var text = Text(document.GetPage(1));
        Assert.Contains(Compact("王技术 Wang (Technical head, deputy for the production head)"), text, StringComparison.Ordinal);
        Assert.Contains("已评审Reviewed,withadiscrepancy", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-2316:17", text, StringComparison.Ordinal);
        Assert.Contains(Compact(conclusion), text, StringComparison.Ordinal);
        Assert.Contains(Compact("技术部 Technical department head"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_word_without_spaces_is_broken_inside_the_page_without_splitting_a_character()
    {
        var word = string.Concat(Enumerable.Repeat("𠀀A1", 300));
        var pdf = Renderer.Render(new PdfDocumentModel("Word", null, [new PdfParagraph(word), new PdfTable(["X", "Y"], [[word, "y"]])]));

        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages(), AssertNothingBelowTheBottomMargin);
        Assert.Equal(600, document.GetPages().Sum(p => p.Letters.Count(l => l.Value == "A")));
    }

    [Fact]
    public void The_creation_date_comes_from_the_application_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        var pdf = new SkiaPdfRenderer(Options.Create(new PdfOptions()), clock).Render(Form(rows: 1));

        Assert.Contains("/CreationDate (D:20261123080000", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_font_that_does_not_exist_is_reported_not_silently_replaced()
    {
        var renderer = new SkiaPdfRenderer(Options.Create(new PdfOptions { FontPath = "/nonexistent/font.ttf" }));

        var error = Assert.Throws<FileNotFoundException>(() => renderer.Render(Form(rows: 1)));
        Assert.Contains("/nonexistent/font.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_face_of_a_font_collection_can_be_configured_and_only_the_subset_is_embedded()
    {
        // A two-face collection made from the font the app ships (no system font needed on a fresh machine).
        var collection = TwoFaceCollection();
        var renderer = new SkiaPdfRenderer(Options.Create(new PdfOptions { FontPath = collection, FontFaceIndex = 1 }));

        var pdf = renderer.Render(Form(rows: 3));
        renderer.Dispose();
        File.Delete(collection);

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Contains("张质量Zhang", Text(page), StringComparison.Ordinal);
        Assert.Contains(page.Letters, l => l.FontName?.Contains("WenQuanYiMicroHei", StringComparison.Ordinal) == true);
        Assert.True(pdf.Length < 300_000, $"{pdf.Length:N0} bytes");
    }

    /// <summary>The shipped face twice in a TrueType collection ('ttcf' header; both table directories point at
    /// the one copy of the tables, whose offsets become file offsets).</summary>
    private static string TwoFaceCollection()
    {
        var ttf = File.ReadAllBytes(ShippedFont);
        var tables = (ttf[4] << 8) | ttf[5];
        var directoryLength = 12 + (16 * tables);
        const int Faces = 2;
        var header = 12 + (4 * Faces);
        var fontStart = header + (Faces * directoryLength);
        fontStart += -fontStart & 3;
        var ttc = new byte[fontStart + ttf.Length];
        "ttcf"u8.CopyTo(ttc);
        ttc[5] = 1; // version 1.0
        ttc[11] = Faces;
        for (var face = 0; face < Faces; face++)
        {
            var directory = header + (face * directoryLength);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ttc.AsSpan(12 + (4 * face)), (uint)directory);
            Array.Copy(ttf, 0, ttc, directory, directoryLength);
            for (var t = 0; t < tables; t++)
            {
                var offset = directory + 12 + (16 * t) + 8;
                var original = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(ttf.AsSpan(12 + (16 * t) + 8));
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ttc.AsSpan(offset), original + (uint)fontStart);
            }
        }

        Array.Copy(ttf, 0, ttc, fontStart, ttf.Length);
        var path = Path.Combine(Path.GetTempPath(), $"pdf-font-{Guid.NewGuid():N}.ttc");
        File.WriteAllBytes(path, ttc);
        return path;
    }

    private static string ShippedFont => Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", "wqy-microhei.ttf");

    [Fact]
    public void The_font_file_is_mapped_into_memory_not_copied_and_is_released_with_the_renderer()
    {
        // On Linux the process's mappings show whether HarfBuzz maps the face (only the pages a subset reads
        // become resident) or holds a copy of the whole file.
        Assert.True(OperatingSystem.IsLinux(), "the build and benchmark machines run Linux");
        // A copy no other test's renderer has open.
        var font = Path.Combine(Path.GetTempPath(), $"pdf-font-{Guid.NewGuid():N}.ttf");
        File.Copy(ShippedFont, font);
        var renderer = new SkiaPdfRenderer(Options.Create(new PdfOptions { FontPath = font }));
        Assert.DoesNotContain(font, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);

        renderer.Render(Form(rows: 1));
        Assert.Contains(font, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);

        renderer.Dispose();
        Assert.DoesNotContain(font, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
        File.Delete(font);
    }

    [Fact]
    public void A_face_the_font_file_does_not_have_is_reported()
    {
        var collection = TwoFaceCollection();
        var renderer = new SkiaPdfRenderer(Options.Create(new PdfOptions { FontPath = collection, FontFaceIndex = 7 }));

        var error = Assert.Throws<InvalidOperationException>(() => renderer.Render(Form(rows: 1)));
        File.Delete(collection);
        Assert.Contains("no face 7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_letterhead_prints_the_company_the_form_code_and_the_record_number_above_the_title()
    {
        var pdf = Renderer.Render(Form(rows: 2) with { Letterhead = new PdfLetterhead("上海东方泵业有限公司", "表单编号 QR-8.2-01 · 版本 A/0", "记录编号：DD-2026-0001") });

        using var document = PdfDocument.Open(pdf);
        var text = Text(document.GetPage(1));
        var company = text.IndexOf("上海东方泵业有限公司", StringComparison.Ordinal);
        Assert.True(company >= 0, text);
        Assert.Contains("表单编号QR-8.2-01·版本A/0", text, StringComparison.Ordinal);
        Assert.Contains("记录编号：DD-2026-0001", text, StringComparison.Ordinal);
        Assert.True(company < text.IndexOf("合同评审表", StringComparison.Ordinal), "The company's name stands above the title.");
    }

    [Fact]
    public void A_kept_together_approval_block_stays_on_the_page_of_the_last_section_wherever_the_page_break_falls()
    {
        var moved = 0;
        for (var rows = 20; rows <= 48; rows++)
        {
            var form = Form(rows);
            var blocks = form.Blocks.Where(b => b is not PdfSignature).ToList();
            blocks.Add(new PdfKeepTogether(
            [
                new PdfSignature("生产部 Production", "最后一栏 LastSection", "已评审 Reviewed", "2026-11-23 16:17", "接受 Accept"),
                new PdfHeading("审批 Decisions"),
                new PdfSignature("总经理 General manager", "批准人 Approver", "已批准 Approved", "2026-11-24 09:00", "同意"),
            ]));
            using var document = PdfDocument.Open(Renderer.Render(form with { Blocks = blocks }));
            var pages = document.GetPages().Select(Text).ToList();
            var last = pages.FindIndex(p => p.Contains("LastSection", StringComparison.Ordinal));
            var approver = pages.FindIndex(p => p.Contains("Approver", StringComparison.Ordinal));
            Assert.True(last >= 0 && last == approver, $"{rows} rows: the last section is on page {last + 1}, the approval on page {approver + 1}");
            if (last > 0 && !pages[last].Contains("IS80-65-160", StringComparison.Ordinal))
            {
                moved++; // the block started a page of its own instead of splitting
            }
        }

        output.WriteLine($"{moved} of 29 layouts moved the block to the next page whole");
    }
}
