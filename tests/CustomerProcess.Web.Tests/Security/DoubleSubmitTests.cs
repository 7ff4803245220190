using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Infrastructure;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21 finding 11: a double click on Save (or two tabs posting one form) creates one record.</summary>
[Collection(AppCollection.Name)]
public sealed partial class DoubleSubmitTests(AppFactory app)
{
    private readonly ReviewDriver _driver = new(app);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Posting_the_same_new_order_form_twice_creates_one_order_and_both_answers_lead_to_it(bool concurrently)
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var sales = await _driver.As("sales");

        var (first, second) = await PostTwiceAsync(sales, "/Orders/Create", ReviewDriver.OrderForm(customer, 10, 100m, command: "save"), concurrently);

        AssertBothLeadToOneRecord(first, second, "/Orders/");
        Assert.Equal(1, await app.WithDbAsync(db => db.SalesOrders.CountAsync(o => db.Customers.Any(c => c.Id == o.CustomerId && c.Code == customer))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Posting_the_same_new_customer_form_twice_creates_one_customer_and_both_answers_lead_to_it(bool concurrently)
    {
        var sales = await _driver.As("sales");
        var code = "DS-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var (first, second) = await PostTwiceAsync(sales, "/Customers/Create",
            [new("Code", code), new("Name", "重复提交测试 " + code), new("Class", "New"), new("PaymentTermDays", "30"), new("CreditLimit", "1000"), new("CreditRating", "B")],
            concurrently);

        AssertBothLeadToOneRecord(first, second, "/Customers/");
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Code == code)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Posting_the_same_new_complaint_form_twice_creates_one_complaint_and_both_answers_lead_to_it(bool concurrently)
    {
        var quality = await _driver.As("quality");
        var description = "Double click " + Guid.NewGuid().ToString("N");

        var (first, second) = await PostTwiceAsync(quality, "/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", description), new("ReceivedAt", "2026-11-23T08:30")],
            concurrently);

        AssertBothLeadToOneRecord(first, second, "/Complaints/");
        Assert.Equal(1, await app.WithDbAsync(db => db.Complaints.CountAsync(c => c.Description == description)));
    }

    [Fact]
    public async Task A_form_posted_without_its_token_still_creates_the_record()
    {
        var sales = await _driver.As("sales");
        var code = "NT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var result = await sales.SubmitAsync("/Customers/Create",
            [new("Code", code), new("Name", "旧标签页 " + code), new("Class", "New"), new("PaymentTermDays", "30"), new("CreditLimit", "1000"), new("CreditRating", "B")]);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Customers.CountAsync(c => c.Code == code)));
    }

    /// <summary>Every POST action is either a create action, marked <see cref="CreatesRecordAttribute"/>, or named here as
    /// one that changes an existing record (or is guarded otherwise); and every form in the views that posts to a create
    /// action renders the one-time token. A new create action or form without the token fails here.</summary>
    [Fact]
    public void Every_create_action_is_idempotent_and_every_form_posting_to_one_carries_the_token()
    {
        var posts = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (Controller: t, Method: m)))
            .Where(x => x.Method.GetCustomAttributes<HttpPostAttribute>().Any())
            .ToList();
        var creates = posts.Where(x => x.Method.GetCustomAttribute<CreatesRecordAttribute>() is not null).ToList();
        var unclassified = posts
            .Where(x => x.Method.GetCustomAttribute<CreatesRecordAttribute>() is null && !NotCreating.Contains(Name(x.Controller, x.Method)))
            .Select(x => Name(x.Controller, x.Method)).ToList();
        Assert.True(unclassified.Count == 0, "POST actions neither marked [CreatesRecord] nor listed as not creating: " + string.Join(", ", unclassified));
        Assert.True(creates.Count >= 20, $"Only {creates.Count} create actions are marked.");

        var forms = ViewForms().ToList();
        var problems = new List<string>();
        foreach (var (controller, method) in creates)
        {
            var controllerName = controller.Name[..^"Controller".Length];
            var template = method.GetCustomAttribute<HttpPostAttribute>()!.Template;
            var prefix = controller.GetCustomAttribute<RouteAttribute>()?.Template;
            var route = template is null || template.StartsWith('/') || prefix is null ? template : prefix + "/" + template;
            var targeting = forms.Where(f => f.Targets(controllerName, method.Name, route)).ToList();
            if (targeting.Count == 0)
            {
                problems.Add($"{controllerName}.{method.Name}: no form in the views posts to it");
            }

            problems.AddRange(targeting.Where(f => !f.Body.Contains("<create-token", StringComparison.Ordinal)).Select(f => $"{controllerName}.{method.Name}: the form in {f.View} has no <create-token />"));
        }

        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    /// <summary>POST actions that change a record that exists already (a second post finds it changed and is refused or
    /// changes nothing), or whose record is guarded otherwise.</summary>
    private static readonly HashSet<string> NotCreating = new(StringComparer.Ordinal)
    {
        "Account.Login", "Account.LoginTwoFactor", "Account.Logout", "Culture.Set",
        // A second post of the same form names the old password as the current one and is refused.
        "Account.ChangePassword",
        // The user's own authenticator: a second post finds it enabled, regenerated or off.
        "TwoFactor.Setup", "TwoFactor.RegenerateRecoveryCodes", "TwoFactor.Disable",
        // A decided proposal cannot be decided again.
        "FinanceProposals.Confirm", "FinanceProposals.Reject",
        "Changes.Accept", "Changes.Reject", "Changes.Withdraw",
        "Complaints.Investigate", "Complaints.CompleteAction", "Complaints.VerifyAction", "Complaints.WaiveAction", "Complaints.Answer", "Complaints.Close",
        "Customers.Edit", "Customers.Reactivate", "Customers.DeactivateContact",
        // A second report of a closure only replaces the note and the time (#16).
        "Customers.ReportClosure",
        // A decided class change or access request cannot be decided again; an approval given is refused the second time;
        // a second "keep" only moves the review date to now.
        "Customers.ApproveClassChange", "Customers.RejectClassChange", "Archive.Approve", "Archive.Reject", "Archive.Keep",
        "Delegations.Revoke", "Departments.Edit",
        "Notices.Acknowledge",
        // The user's own notifications: read, unread and settings are states; a second post changes nothing.
        "Notifications.Open", "Notifications.Unread", "Notifications.ReadAll", "Notifications.Preferences",
        // A forgot-password request queues a link (a second one only another link); a link works once.
        "PasswordReset.Index", "PasswordReset.Reset",
        // Submitting and signing a contract move the order on; a second post finds it moved and is refused.
        "Orders.Edit", "Orders.Submit", "Orders.Withdraw", "Orders.ConfirmOral", "Orders.SignContract",
        "Products.Edit", "Products.ToggleActive",
        // The personal survey link works once (the invitation is marked used in the same save).
        "PublicSurvey.Submit",
        "Returns.Inspect", "Returns.Settle", "Returns.BookBack",
        // Each moves the item on (or records the one open reply); a second post finds it moved and is refused.
        "CustomerProperty.Inspect", "CustomerProperty.Use", "CustomerProperty.Reply", "CustomerProperty.Return",
        "ReviewPolicy.Index",
        "Reviews.Sign", "Reviews.ResolveDiscrepancy", "Reviews.ConfirmDiscrepancy", "Reviews.ReopenDiscrepancy", "Reviews.Meeting", "Reviews.RaiseLevel",
        "Reviews.Conclude", "Reviews.Approve", "Reviews.Reject",
        "ServiceNotices.Close",
        // A tender's bid, answer, submission, outcome and withdrawal move it on or fill a field; a second post is refused or changes nothing.
        "Tenders.Answer", "Tenders.Bid", "Tenders.Submit", "Tenders.Outcome", "Tenders.Withdraw", "Tenders.Policy",
        // Opening a tender review moves the tender into review; a second post finds it moved and is refused.
        "Tenders.StartReview",
        // The first administrator: the setup page answers only while no user exists.
        "Setup.Index",
        "Surveys.FollowUp",
        // A decided disposal cannot be decided again; a carried-out one cannot be carried out again (ADR 0041).
        "Retention.Approve", "Retention.Reject", "Retention.Execute",
        "Tracking.Close",
        "Users.Edit", "Users.ResetPassword", "Users.SetActive",
    };

    private static string Name(Type controller, MethodInfo method) => $"{controller.Name[..^"Controller".Length]}.{method.Name}";

    private static async Task<(BrowserLikeClient.Page First, BrowserLikeClient.Page Second)> PostTwiceAsync(
        BrowserLikeClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, bool concurrently)
    {
        var page = await client.GetAsync(url);
        var form = page.FormFor(url);
        var antiforgery = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var formToken = form.QuerySelector($"input[name={CreatesRecordAttribute.FieldName}]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(formToken), $"The form of {url} carries no one-time token.");
        var all = fields.Append(new(CreatesRecordAttribute.FieldName, formToken!)).ToList();
        if (concurrently)
        {
            var both = await Task.WhenAll(client.PostAsync(url, all, antiforgery), client.PostAsync(url, all, antiforgery));
            return (both[0], both[1]);
        }

        var first = await client.PostAsync(url, all, antiforgery);
        return (first, await client.PostAsync(url, all, antiforgery));
    }

    private static void AssertBothLeadToOneRecord(BrowserLikeClient.Page first, BrowserLikeClient.Page second, string prefix)
    {
        Assert.True(first.Status == HttpStatusCode.Redirect, $"First post: {(int)first.Status} {first.ErrorText}");
        Assert.True(second.Status == HttpStatusCode.Redirect, $"Second post: {(int)second.Status} {second.ErrorText}");
        Assert.StartsWith(prefix, first.Location, StringComparison.Ordinal);
        Assert.Equal(first.Location, second.Location);
    }

    private sealed record ViewForm(string View, string? Controller, IReadOnlyList<string> Actions, string? RawAction, string Body)
    {
        public bool Targets(string controller, string action, string? routeTemplate)
        {
            if (RawAction is not null)
            {
                return routeTemplate is not null && Normalize(RawAction) == Normalize(routeTemplate);
            }

            return Actions.Contains(action, StringComparer.Ordinal) && string.Equals(Controller, controller, StringComparison.Ordinal);
        }

        private static string Normalize(string path) =>
            string.Join('/', path.Trim('/').Split('/').Select(s => s.StartsWith('{') || s.StartsWith('@') ? "*" : s.ToUpperInvariant()));
    }

    private static IEnumerable<ViewForm> ViewForms()
    {
        var features = Path.Combine(Repository.Root, "src", "CustomerProcess.Web", "Features");
        foreach (var file in Directory.EnumerateFiles(features, "*.cshtml", SearchOption.AllDirectories))
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            var text = File.ReadAllText(file);
            foreach (Match form in FormPattern().Matches(text))
            {
                var tag = form.Groups["tag"].Value;
                if (!tag.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                // asp-action="Create" or asp-action="@(creating ? "Create" : "Edit")" (a form shared by two actions).
                string? Attribute(string name) => Regex.Match(tag, $"\\s{name}=\"(?<v>@\\([^)]*\\)|[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : null;
                var aspAction = Attribute("asp-action");
                List<string> actions = aspAction is null ? []
                    : aspAction.StartsWith("@(", StringComparison.Ordinal) ? Regex.Matches(aspAction, "\"(\\w+)\"").Select(m => m.Groups[1].Value).ToList()
                    : [aspAction];
                yield return new ViewForm(Path.GetRelativePath(features, file), Attribute("asp-controller") ?? folder, actions,
                    aspAction is null ? Attribute("action") : null, form.Groups["body"].Value);
            }
        }
    }

    [GeneratedRegex("<form(?<tag>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();
}
