using CustomerProcess.Infrastructure.Pdf;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace CustomerProcess.Web.Tests.Pdf;

public sealed class PdfRendererTests
{
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
            new PdfHeading("各部门评审栏 Department sections"),
            new PdfTable(
                ["#", "品名 Item", "数量 Qty", "金额 Amount"],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), "离心泵 Centrifugal pump IS80-65-160 第" + i + "行", "100", "¥12,000.00"]).ToList(),
                [0.5f, 4, 1, 2]),
            new PdfParagraph("隐含要求：适用于化工介质。Implied: suitable for chemical media, with a long English sentence that has to wrap over more than one line on the page."),
            new PdfSignature("质量部 Quality", "张质量 Zhang", "已评审 Reviewed", "2026-11-23 16:17", "接受 Accept"),
            new PdfSignature("总经理 General manager", "陈总 Chen", "已批准 Approved", "2026-11-24 09:00", "同意"),
        ],
        "CustomerProcess · DD-2026-0001");

    [Fact]
    public void A_bilingual_one_page_form_reads_back_and_stays_small()
    {
        var pdf = Renderer.Render(Form(rows: 3));
        Save("one-page.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        Assert.Contains("合同评审表", text, StringComparison.Ordinal);
        Assert.Contains("Contract Review Form", text, StringComparison.Ordinal);
        Assert.Contains("张质量", text, StringComparison.Ordinal);
        Assert.Contains("Chen", text, StringComparison.Ordinal);
        Assert.Contains("1 / 1", text, StringComparison.Ordinal);
        Assert.True(pdf.Length < 300_000, $"The one-page form is {pdf.Length:N0} bytes; the font must be subset.");
    }

    [Fact]
    public void A_long_table_continues_on_the_next_pages_with_its_header_and_page_numbers()
    {
        var pdf = Renderer.Render(Form(rows: 80));
        Save("multi-page.pdf", pdf);

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 2);
        var pages = document.GetPages().ToList();
        Assert.Contains("品名", pages[1].Text, StringComparison.Ordinal); // header repeated
        Assert.Contains($"2 / {document.NumberOfPages}", pages[1].Text, StringComparison.Ordinal);
        var all = string.Concat(pages.Select(p => p.Text));
        Assert.Contains("第80行", all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_character_outside_the_font_does_not_crash_the_rendering()
    {
        var pdf = Renderer.Render(new PdfDocumentModel("Emoji 😀 and 𠀀", null, [new PdfParagraph("\u0007 control, 😀 emoji")]));
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
    }
}
