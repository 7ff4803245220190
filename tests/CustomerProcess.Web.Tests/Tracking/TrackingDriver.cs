using System.Globalization;
using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Tracking;

/// <summary>Gets signed contracts through the real review spine (<see cref="ReviewDriver"/>) and then drives
/// order tracking through its real forms.</summary>
public sealed class TrackingDriver(AppFactory app)
{
    private static readonly string[] FullSix = ["Sales", "Quality", "Production", "Purchasing", "Technical", "Finance"];

    public ReviewDriver Reviews { get; } = new(app);

    public Task<BrowserLikeClient> As(string userName) => Reviews.As(userName);

    /// <summary>An order of <paramref name="quantity"/> × <paramref name="unitPrice"/> reviewed, approved and signed;
    /// a regular customer goes through the simplified review, a new one through the full countersign review.</summary>
    public async Task<Contract> SignedContractAsync(string customerCode, CustomerClass customerClass, decimal quantity = 10, decimal unitPrice = 10_000m, string deliveryDate = "2027-03-31")
    {
        var form = ReviewDriver.OrderForm(customerCode, quantity, unitPrice);
        form.RemoveAll(f => f.Key == "Lines[0].DeliveryDate");
        form.Add(new("Lines[0].DeliveryDate", deliveryDate));
        var reviewId = await Reviews.SubmitOrderAsync(form);
        var review = await app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).SingleAsync(r => r.Id == reviewId));
        await Reviews.SignAllAsync(reviewId, review.Sections.Select(s => s.DepartmentCode));
        var decided = review.RequiresGeneralManager
            ? await Reviews.PostOnReviewAsync(reviewId, "gm", "Approve", [new("Password", DemoData.Password), new("Comment", "同意")])
            : await Reviews.PostOnReviewAsync(reviewId, "salesmanager", "Conclude", [new("Password", DemoData.Password), new("Comment", "OK")]);
        Assert.Equal(HttpStatusCode.Redirect, decided.Status);
        Assert.Equal(ReviewStatus.Approved, await app.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync()));

        var contracts = await As("contracts");
        var signed = await contracts.SubmitAsync($"/Orders/Details/{review.SubjectId}", [new("signedOn", "2026-11-23")], $"/Orders/SignContract/{review.SubjectId}");
        Assert.Equal(HttpStatusCode.Redirect, signed.Status);
        return await ContractAsync(review.SubjectId);
    }

    public Task<Contract> ContractAsync(Guid orderId) => app.WithDbAsync(db => db.Contracts.AsNoTracking().SingleAsync(c => c.OrderId == orderId));

    public Task<Contract> ReloadAsync(Contract contract) =>
        app.WithDbAsync(db => db.Contracts.AsNoTracking().Include("_lines").Include("_versions").Include("_deliveries._lines").Include("_invoices").Include("_payments")
            .AsSplitQuery().SingleAsync(c => c.Id == contract.Id));

    public static string Details(Contract contract) => $"/Ledger/Details/{contract.Id}";

    public async Task<BrowserLikeClient.Page> IssueNoticeAsync(Contract contract, params string[] departments)
    {
        var contracts = await As("contracts");
        var fields = departments.Select(d => new KeyValuePair<string, string>("Departments", d)).ToList();
        fields.Add(new("ContractId", contract.Id.ToString()));
        fields.Add(new("SpecialRequirements", "木箱包装，标识中英文 / wooden cases, bilingual marking"));
        fields.Add(new("Instructions", "按期排产 / schedule on time"));
        return await contracts.SubmitAsync($"/Notices/New?contractId={contract.Id}", fields, "/Notices/New");
    }

    public Task<TaskNotice> NoticeAsync(Guid noticeId) =>
        app.WithDbAsync(db => db.TaskNotices.AsNoTracking().Include("_lines").Include("_acknowledgements").AsSplitQuery().SingleAsync(n => n.Id == noticeId));

    public async Task<BrowserLikeClient.Page> AcknowledgeAsync(Guid noticeId, string department, string userName)
    {
        var client = await As(userName);
        var token = await client.TokenFromAsync($"/Notices/{noticeId}");
        return await client.PostAsync($"/Notices/{noticeId}/Acknowledge/{department}", [new("Comment", "已签收")], token);
    }

    public async Task<BrowserLikeClient.Page> PostOnContractAsync(Contract contract, string userName, string path, List<KeyValuePair<string, string>> fields)
    {
        var client = await As(userName);
        var token = await client.TokenFromAsync(Details(contract));
        return await client.PostAsync($"/Contracts/{contract.Id}/{path}", fields, token);
    }

    public Task<BrowserLikeClient.Page> DeliverAsync(Contract contract, decimal quantity, string billOfLading, string userName = "contracts", int lineNo = 1, string on = "2026-11-23") =>
        PostOnContractAsync(contract, userName, "Deliveries",
            [new("DeliveredOn", on), new("BillOfLading", billOfLading), new("Lines[0].LineNo", lineNo.ToString(CultureInfo.InvariantCulture)), new("Lines[0].Quantity", quantity.ToString(CultureInfo.InvariantCulture))]);

    public Task<BrowserLikeClient.Page> InvoiceAsync(Contract contract, string number, decimal amount, string issuedOn = "2026-11-23", string userName = "finance") =>
        PostOnContractAsync(contract, userName, "Invoices", [new("Number", number), new("IssuedOn", issuedOn), new("Amount", amount.ToString(CultureInfo.InvariantCulture))]);

    public Task<BrowserLikeClient.Page> PayAsync(Contract contract, decimal amount, string userName = "finance") =>
        PostOnContractAsync(contract, userName, "Payments", [new("ReceivedOn", "2026-11-23"), new("Amount", amount.ToString(CultureInfo.InvariantCulture)), new("Reference", "BANK-" + amount)]);

    /// <summary>Delivers what remains on line 1, invoices and receives the whole amount.</summary>
    public async Task CompleteAsync(Contract contract)
    {
        var current = await ReloadAsync(contract);
        var remaining = current.LinePerformance().Single().Remaining;
        Assert.Equal(HttpStatusCode.Redirect, (await DeliverAsync(contract, remaining, "TD-" + contract.Number)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await InvoiceAsync(contract, "FP-" + contract.Number, current.Amount)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await PayAsync(contract, current.Amount)).Status);
    }

    /// <summary>Records a change through the change form (line 1 may be altered) and returns its id.</summary>
    public async Task<Guid> RequestChangeAsync(Contract contract, ChangeKind kind, string userName = "sales", decimal? quantity = null, string? specification = null, decimal? unitPrice = null, string? deliveryDate = null)
    {
        var current = (await ReloadAsync(contract)).Lines.Single();
        var client = await As(userName);
        var result = await client.SubmitAsync($"/Changes/New?contractId={contract.Id}",
        [
            new("ContractId", contract.Id.ToString()), new("Kind", kind.ToString()), new("RequestedBy", "Customer"), new("RequesterName", "刘先生 Mr. Liu"),
            new("What", kind + " change"), new("Why", "客户要求 / the customer asked"), new("CustomerConfirmation", "客户函 2026-11-20 / letter of 20 Nov"),
            new("Lines[0].LineNo", "1"),
            new("Lines[0].Description", current.Description),
            new("Lines[0].Specification", specification ?? current.Specification ?? ""),
            new("Lines[0].Quantity", (quantity ?? current.Quantity).ToString(CultureInfo.InvariantCulture)),
            new("Lines[0].UnitPrice", (unitPrice ?? current.UnitPrice).ToString(CultureInfo.InvariantCulture)),
            new("Lines[0].DeliveryDate", deliveryDate ?? current.DeliveryDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ], "/Changes/New");
        Assert.True(result.Status == HttpStatusCode.Redirect, "Change not recorded: " + result.ErrorText);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    public async Task<BrowserLikeClient.Page> DecideChangeAsync(Guid changeId, string action, string userName = "salesmanager", string note = "同意 / agreed")
    {
        var client = await As(userName);
        var token = await client.TokenFromAsync($"/Changes/{changeId}");
        return await client.PostAsync($"/Changes/{changeId}/{action}", [new("Note", note)], token);
    }

    public Task<ContractChange> ChangeAsync(Guid changeId) => app.WithDbAsync(db => db.ContractChanges.AsNoTracking().SingleAsync(c => c.Id == changeId));

    public static IReadOnlyList<string> FullReviewDepartments => FullSix;
}
