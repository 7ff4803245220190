using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Tenders;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.ReviewSpine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CustomerProcess.BrowserTests;

/// <summary>Issue #15 as users meet it: a tender from the invitation to the won order, by the visible labels, as the
/// real roles. Sales registers the invitation with its tender document, raises a clarification, opens the go/no-go
/// review; the department heads sign; the clarification is answered before the business-unit head decides; the
/// bid is reviewed (under 3,000,000 concluded by the business-unit head, from 3,000,000 approved by the GM);
/// the outcome is recorded with the prices, and the order made from the tender links back to it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TenderJourneyTests(BrowserFixture browser)
{
    private static readonly Dictionary<string, string> Chinese = new()
    {
        ["Tendering party (customer code)"] = "招标方（客户代码）",
        ["Project"] = "项目",
        ["Bid deadline"] = "投标截止时间",
        ["Estimated amount"] = "估算金额",
        ["What the invitation requires"] = "招标要求",
        ["Tender documents"] = "招标文件",
        ["Register"] = "登记",
        ["Question to the tendering party"] = "向招标方提出的问题",
        ["Raise the clarification"] = "提出澄清",
        ["Open the go/no-go review"] = "发起投标决策评审",
        ["Answer"] = "答复",
        ["Evidence"] = "证据",
        ["Fax"] = "传真",
        ["Evidence reference"] = "证据编号",
        ["Record the answer"] = "记录答复",
        ["Accept"] = "接受",
        ["Comments / conditions"] = "意见 / 条件",
        ["Your password (electronic signature)"] = "您的密码（电子签名）",
        ["Sign"] = "签署",
        ["Comment"] = "意见",
        ["Conclude the review"] = "作出评审结论",
        ["Approve"] = "批准",
        ["Bid amount"] = "投标金额",
        ["What the bid offers"] = "投标内容",
        ["Save the bid"] = "保存投标书",
        ["Open the bid review"] = "发起投标文件评审",
        ["Record the bid as submitted"] = "登记为已投标",
        ["Won"] = "中标",
        ["Winning price"] = "中标价",
        ["Winner"] = "中标单位",
        ["Competitor"] = "竞争对手",
        ["Price"] = "价格",
        ["Record the outcome"] = "登记投标结果",
        ["Make the order from this tender"] = "由此投标生成订单",
    };

    private static readonly PdfPayload Document = new("招标文件.pdf", "%PDF-1.4\n% invitation to tender\n%%EOF\n"u8.ToArray());

    private sealed record PdfPayload(string Name, byte[] Content);

    [BrowserTheory]
    [InlineData("zh-CN", "zh", 2_800_000)]
    [InlineData("en-US", "en", 3_200_000)]
    public async Task Sales_takes_a_tender_from_the_invitation_through_both_reviews_to_a_won_order_that_links_back(string locale, string suffix, int bid)
    {
        string T(string english) => locale.StartsWith("zh", StringComparison.Ordinal) ? Chinese[english] : english;
        var customer = await new ReviewDriver(browser.App).CustomerAsync(CustomerClass.Regular);
        var bidByGm = bid >= 3_000_000;

        // Sales registers the invitation with its document.
        var sales = await browser.SignedInAsync("sales", locale);
        sales.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await sales.GotoAsync("/Tenders/Create");
        await sales.GetByLabel(T("Tendering party (customer code)")).FillAsync(customer);
        await sales.GetByLabel(T("Project")).FillAsync("水厂泵站改造 Pump station " + suffix);
        await sales.GetByLabel(T("Bid deadline")).FillAsync("2026-12-20T10:00");
        await sales.GetByLabel(T("Estimated amount")).FillAsync("2000000");
        await sales.GetByLabel(T("What the invitation requires")).FillAsync("20 台离心泵，GB/T 3216 验收 / 20 pumps, accepted per GB/T 3216");
        await sales.GetByLabel(T("Tender documents")).SetInputFilesAsync(new FilePayload { Name = Document.Name, MimeType = "application/pdf", Buffer = Document.Content });
        await BrowserFixture.ScreenshotAsync(sales, $"80-tender-register-{suffix}");
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Register"), Exact = true }).ClickAsync();
        await BrowserFixture.WaitForUrlAsync(sales, url => url.Contains("/Tenders/Details/", StringComparison.Ordinal), "The invitation was not registered");
        var tenderUrl = new Uri(sales.Url).AbsolutePath;
        var tenderId = Guid.Parse(tenderUrl.Split('/').Last());
        Assert.Contains("招标文件.pdf", await sales.Locator("#tender-documents").InnerTextAsync(), StringComparison.Ordinal);

        // A clarification is raised, then the go/no-go review is opened.
        await sales.GetByLabel(T("Question to the tendering party")).FillAsync("现场交货吗？ Delivery on site?");
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Raise the clarification"), Exact = true }).ClickAsync();
        await sales.WaitForSelectorAsync("#clarification-1");
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Open the go/no-go review"), Exact = true }).ClickAsync();
        await BrowserFixture.WaitForUrlAsync(sales, url => url.Contains("/Reviews/", StringComparison.Ordinal), "The go/no-go review was not opened");
        var goNoGoUrl = new Uri(sales.Url).AbsolutePath;
        await BrowserFixture.ScreenshotAsync(sales, $"81-tender-go-no-go-opened-{suffix}");

        // The department heads sign their sections.
        foreach (var department in TenderReviewPolicy.InternalDepartments)
        {
            await SignAsync(ReviewDriver.Heads[department], department, goNoGoUrl, locale, T);
        }

        // The clarification is answered (with its evidence) before the decision.
        await sales.GotoAsync(tenderUrl);
        await sales.GetByLabel(T("Answer"), new() { Exact = true }).FillAsync("现场交货 On site");
        await sales.GetByLabel(T("Evidence"), new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = T("Fax") });
        await sales.GetByLabel(T("Evidence reference"), new() { Exact = true }).FillAsync("FAX-" + suffix);
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Record the answer"), Exact = true }).ClickAsync();
        await sales.WaitForSelectorAsync("#clarification-1:not(.open-clarification)");
        await BrowserFixture.ScreenshotAsync(sales, $"82-tender-clarification-answered-{suffix}");

        // The business-unit head decides to bid.
        var buhead = await browser.SignedInAsync("buhead", locale);
        await ConcludeAsync(buhead, goNoGoUrl, "同意投标 / go", T);
        await BrowserFixture.ScreenshotAsync(buhead, $"83-tender-go-no-go-concluded-{suffix}");
        await buhead.GotoAsync(goNoGoUrl + "/Print");
        await BrowserFixture.ScreenshotAsync(buhead, $"84-tender-go-no-go-print-{suffix}");

        // Sales prepares the bid and opens its review.
        await sales.GotoAsync(tenderUrl);
        await sales.GetByLabel(T("Bid amount")).FillAsync(bid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await sales.GetByLabel(T("What the bid offers")).FillAsync("20 台含税 / 20 pumps incl. VAT");
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Save the bid"), Exact = true }).ClickAsync();
        await sales.WaitForSelectorAsync("#bid-amount");
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Open the bid review"), Exact = true }).ClickAsync();
        await BrowserFixture.WaitForUrlAsync(sales, url => url.Contains("/Reviews/", StringComparison.Ordinal) && !url.EndsWith(goNoGoUrl, StringComparison.Ordinal), "The bid review was not opened");
        var bidUrl = new Uri(sales.Url).AbsolutePath;
        await BrowserFixture.ScreenshotAsync(sales, $"85-tender-bid-review-opened-{suffix}");

        foreach (var department in bidByGm ? TenderReviewPolicy.FullDepartments : TenderReviewPolicy.InternalDepartments)
        {
            await SignAsync(ReviewDriver.Heads[department], department, bidUrl, locale, T);
        }

        if (bidByGm)
        {
            var gm = await browser.SignedInAsync("gm", locale);
            await gm.GotoAsync(bidUrl);
            var approval = gm.Locator("form", new() { Has = gm.GetByRole(AriaRole.Button, new() { Name = T("Approve"), Exact = true }) });
            await approval.GetByLabel(T("Comment"), new() { Exact = true }).FillAsync("批准 / approved");
            await approval.GetByLabel(T("Your password (electronic signature)")).FillAsync(DemoData.Password);
            await approval.GetByRole(AriaRole.Button, new() { Name = T("Approve"), Exact = true }).ClickAsync();
            await gm.WaitForSelectorAsync("p.flash");
            await BrowserFixture.ScreenshotAsync(gm, $"86-tender-bid-approved-by-gm-{suffix}");
        }
        else
        {
            await ConcludeAsync(buhead, bidUrl, "报价可行 / price is sound", T);
            await BrowserFixture.ScreenshotAsync(buhead, $"86-tender-bid-concluded-by-buhead-{suffix}");
        }

        await sales.GotoAsync(bidUrl + "/Print");
        await BrowserFixture.ScreenshotAsync(sales, $"87-tender-bid-print-{suffix}");

        // Submitted, won with the prices, made into an order that links back.
        await sales.GotoAsync(tenderUrl);
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Record the bid as submitted"), Exact = true }).ClickAsync();
        await sales.WaitForSelectorAsync("#outcome-form");
        await sales.GetByLabel(T("Won"), new() { Exact = true }).CheckAsync();
        await sales.GetByLabel(T("Winning price")).FillAsync(bid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await sales.GetByLabel(T("Winner"), new() { Exact = true }).FillAsync("本公司 / us");
        await sales.GetByLabel(T("Competitor") + " 1", new() { Exact = true }).FillAsync("Acme Pumps");
        await sales.GetByLabel(T("Price") + " 1", new() { Exact = true }).FillAsync("3300000");
        await BrowserFixture.ScreenshotAsync(sales, $"88-tender-outcome-{suffix}");
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Record the outcome"), Exact = true }).ClickAsync();
        await sales.WaitForLoadStateAsync();
        await BrowserFixture.ScreenshotAsync(sales, $"88b-tender-outcome-recorded-{suffix}");
        await sales.WaitForSelectorAsync("#competitors");
        await sales.GetByRole(AriaRole.Button, new() { Name = T("Make the order from this tender"), Exact = true }).ClickAsync();
        await BrowserFixture.WaitForUrlAsync(sales, url => url.Contains("/Orders/", StringComparison.Ordinal), "The order was not made from the tender");
        await sales.WaitForSelectorAsync("#order-tender");
        await BrowserFixture.ScreenshotAsync(sales, $"89-tender-order-links-back-{suffix}");
        await sales.ClickAsync("#order-tender");
        await BrowserFixture.WaitForUrlAsync(sales, url => url.EndsWith(tenderUrl, StringComparison.Ordinal), "The order does not link back to the tender");

        var tender = await browser.App.WithDbAsync(db => db.Tenders.AsNoTracking().Include(t => t.Competitors).SingleAsync(t => t.Id == tenderId));
        Assert.Equal(TenderStatus.Won, tender.Status);
        Assert.Equal(bid, tender.WinningPrice);
        Assert.Equal(3_300_000m, Assert.Single(tender.Competitors).Price);
        Assert.Equal(tenderId, await browser.App.WithDbAsync(db => db.SalesOrders.Where(o => o.Id == tender.OrderId).Select(o => o.TenderId).SingleAsync()));
        var decider = await browser.App.WithDbAsync(db => db.Users.Where(u => u.UserName == (bidByGm ? "gm" : "buhead")).Select(u => u.Id).SingleAsync());
        var bidDecisions = await browser.App.WithDbAsync(db => db.ReviewSignatures
            .Where(s => s.SectionId == null && db.Reviews.Any(r => r.Id == s.ReviewId && r.SubjectKind == ReviewSubjectKind.Bid && r.SubjectId == tenderId))
            .Select(s => s.SignerUserId).ToListAsync());
        Assert.Equal([decider], bidDecisions);
    }

    private async Task SignAsync(string userName, string department, string reviewUrl, string locale, Func<string, string> t)
    {
        var page = await browser.SignedInAsync(userName, locale);
        await page.GotoAsync(reviewUrl);
        var section = page.Locator($"#section-{department}");
        await section.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await section.GetByLabel(t("Accept"), new() { Exact = true }).CheckAsync();
        await section.GetByLabel(t("Comments / conditions")).FillAsync("同意 / agreed");
        await section.GetByLabel(t("Your password (electronic signature)")).FillAsync(DemoData.Password);
        await section.GetByRole(AriaRole.Button, new() { Name = t("Sign"), Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("p.flash");
        await page.Context.CloseAsync();
    }

    private static async Task ConcludeAsync(IPage page, string reviewUrl, string comment, Func<string, string> t)
    {
        await page.GotoAsync(reviewUrl);
        var form = page.Locator("#conclude-form");
        await form.GetByLabel(t("Comment"), new() { Exact = true }).FillAsync(comment);
        await form.GetByLabel(t("Your password (electronic signature)")).FillAsync(DemoData.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = t("Conclude the review"), Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("p.flash");
    }
}
