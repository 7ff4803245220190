using System.Globalization;
using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.ReviewSpine;

/// <summary>Drives the review spine through its real forms, as the people of the process would.</summary>
public sealed class ReviewDriver(AppFactory app)
{
    /// <summary>Demo user who heads each department (Department.HeadUserId in the demo data).</summary>
    public static readonly IReadOnlyDictionary<string, string> Heads = new Dictionary<string, string>
    {
        ["Sales"] = "salesmanager",
        ["Quality"] = "quality",
        ["Production"] = "production",
        ["Purchasing"] = "purchasing",
        ["Technical"] = "technical",
        ["Finance"] = "finance",
        ["Legal"] = "legal",
        ["SafetyEnvironment"] = "safety",
    };

    private readonly Dictionary<string, BrowserLikeClient> _clients = [];

    public AppFactory App => app;

    public async Task<BrowserLikeClient> As(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client))
        {
            client = app.CreateBrowserClient();
            await client.SignInAsync(userName);
            _clients[userName] = client;
        }

        return client;
    }

    /// <summary>A fresh customer of the given class, so tests do not share history.</summary>
    public async Task<string> CustomerAsync(CustomerClass customerClass)
    {
        var code = "RS-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerProcess.Infrastructure.Persistence.AppDbContext>();
        var customer = new Customer(code, "评审测试客户 " + code, customerClass, null);
        customer.UpdateDetails(customer.Name, null, null, null, null, 30, null);
        customer.ApplyConfirmedFinanceTerms(new FinanceTerms(null, null, 1_000_000m, CreditRating.A));
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return code;
    }

    public static List<KeyValuePair<string, string>> OrderForm(
        string customerCode, decimal quantity, decimal unitPrice, string channel = "PurchaseOrder", string novelty = "Standard",
        string? productCode = null, string command = "submit", bool nonStandardClauses = false, bool siteWork = false, string? specification = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("CustomerCode", customerCode), new("Channel", channel), new("Novelty", novelty),
            new("ExplicitRequirements", "按 GB/T 12224 供货，质保 12 个月 / per GB/T 12224, 12 months warranty"),
            new("Lines[0].ProductCode", productCode ?? ""),
            new("Lines[0].Description", productCode is null ? "不锈钢法兰 Stainless flange" : ""),
            new("Lines[0].Specification", specification ?? (productCode is null ? "DN100 PN16" : "")),
            new("Lines[0].Quantity", quantity.ToString(CultureInfo.InvariantCulture)),
            new("Lines[0].Unit", productCode is null ? "件" : ""),
            new("Lines[0].UnitPrice", unitPrice.ToString(CultureInfo.InvariantCulture)),
            new("Lines[0].DeliveryDate", "2027-03-31"),
            new("Lines[0].DeliveryPlace", "上海"),
            new("Command", command),
        };
        if (nonStandardClauses)
        {
            fields.Add(new("HasNonStandardClauses", "true"));
        }

        if (siteWork)
        {
            fields.Add(new("InvolvesSiteWork", "true"));
        }

        return fields;
    }

    /// <summary>Sales captures and submits an order; returns the review id.</summary>
    public async Task<Guid> SubmitOrderAsync(List<KeyValuePair<string, string>> form, string salesUser = "sales")
    {
        var sales = await As(salesUser);
        var result = await sales.SubmitAsync("/Orders/Create", form);
        if (result.Status == HttpStatusCode.Redirect && result.Location?.StartsWith("/Orders/Details/", StringComparison.Ordinal) == true
            && (await sales.FollowAsync(result)).Document.QuerySelector("#past-delivery form") is { } confirm)
        {
            // A line due before today: the order page asks for confirmation (issue #21); sales confirms.
            result = await sales.PostAsync(confirm.GetAttribute("action")!, [new("confirmPastDelivery", "true")],
                confirm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
        }

        Assert.True(result.Status == HttpStatusCode.Redirect, "Order not submitted: " + result.ErrorText);
        Assert.StartsWith("/Reviews/", result.Location, StringComparison.Ordinal);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    public async Task<BrowserLikeClient.Page> ReviewPageAsync(Guid reviewId, string userName = "salesmanager") =>
        await (await As(userName)).GetAsync($"/Reviews/{reviewId}");

    public async Task<BrowserLikeClient.Page> SignAsync(Guid reviewId, string department, string? userName = null, string conclusion = "Accept", string? comments = null, string password = DemoData.Password, int? contentVersion = null)
    {
        var client = await As(userName ?? Heads[department]);
        var page = await client.GetAsync($"/Reviews/{reviewId}");
        // The section's own form must carry the token (as a browser would post it); a user without
        // the form (an attacker) takes a token from any other form on the page.
        var ownForm = page.Document.QuerySelector($"#section-{department} form.sign-form");
        var token = ownForm is not null
            ? ownForm.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("The sign form has no antiforgery token.")
            : page.Document.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var version = contentVersion?.ToString(CultureInfo.InvariantCulture)
            ?? page.Document.QuerySelector($"#section-{department} input[name=ContentVersion]")?.GetAttribute("value")
            ?? "0";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Conclusion", conclusion), new("Password", password), new("ContentVersion", version), new("Comments", comments ?? ""),
            new("Checked", "Capacity and delivery date are achievable"),
        };
        return await client.PostAsync($"/Reviews/{reviewId}/Sections/{department}/Sign", fields, token);
    }

    public async Task SignAllAsync(Guid reviewId, IEnumerable<string> departments)
    {
        foreach (var department in departments)
        {
            var result = await SignAsync(reviewId, department);
            Assert.True(result.Status == HttpStatusCode.Redirect, $"{department} could not sign: {result.ErrorText}");
        }
    }

    public async Task<BrowserLikeClient.Page> PostOnReviewAsync(Guid reviewId, string userName, string path, List<KeyValuePair<string, string>> fields)
    {
        var client = await As(userName);
        var token = await client.TokenFromAsync($"/Reviews/{reviewId}");
        return await client.PostAsync($"/Reviews/{reviewId}/{path}", fields, token);
    }
}
