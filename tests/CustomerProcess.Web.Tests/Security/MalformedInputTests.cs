using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Finding 3 of issue #21: blank required fields, extreme dates, multipart bodies without a boundary and a
/// non-ASCII return address answered 500. Each gets a validation message or a 4xx page. Finding 13: an empty
/// deactivation post changed a user.</summary>
[Collection(AppCollection.Name)]
public sealed partial class MalformedInputTests(AppFactory app)
{
    private readonly ReviewDriver _users = new(app);

    [Fact]
    public async Task A_blank_product_code_shows_a_validation_message_and_keeps_the_input()
    {
        var admin = await _users.As("admin");

        var result = await admin.SubmitAsync("/Products/Create", [new("Code", ""), new("NameZh", "测试阀门"), new("NameEn", "Test valve"), new("Unit", "pcs")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Enter the product code.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal("测试阀门", result.Document.QuerySelector("input[name=NameZh]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_blank_customer_code_on_a_new_complaint_shows_a_validation_message_and_keeps_the_input()
    {
        var qstaff = await _users.As("qstaff");

        var result = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", ""), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Minor"), new("Description", "划痕 scratches"), new("ReceivedAt", "2026-11-23T08:30")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Enter the customer code.", result.ErrorText, StringComparison.Ordinal);
        Assert.Contains("划痕 scratches", result.Document.QuerySelector("textarea[name=Description]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Customers/Create", "sales")]
    [InlineData("/Products/Create", "admin")]
    [InlineData("/Complaints/Create", "qstaff")]
    [InlineData("/Returns/Create", "qstaff")]
    [InlineData("/Orders/Create", "sales")]
    [InlineData("/Surveys/Create", "quality")]
    [InlineData("/Users/Create", "admin")]
    [InlineData("/Departments/Create", "admin")]
    public async Task A_create_form_posted_with_every_field_blank_shows_validation_messages(string url, string userName)
    {
        var client = await _users.As(userName);
        var form = (await client.GetAsync(url)).FormFor(null);
        var names = form.QuerySelectorAll("input[name], select[name], textarea[name]")
            .Select(e => e.GetAttribute("name")!).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
        Assert.NotEmpty(names);

        var result = await client.SubmitAsync(url, names.Select(n => new KeyValuePair<string, string>(n, "")), form.GetAttribute("action"));

        Assert.True(result.Status is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{url}: {(int)result.Status} {result.ErrorText}");
        Assert.NotNull(result.Document.QuerySelector(".errors li"));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task An_extreme_date_on_the_complaint_analysis_is_not_a_server_error(string date)
    {
        var quality = await _users.As("quality");

        foreach (var url in new[] { $"/ComplaintAnalysis?from={date}", $"/ComplaintAnalysis?to={date}", $"/ComplaintAnalysis?from={date}&to={date}", $"/ComplaintAnalysis/Csv?from={date}" })
        {
            var page = await quality.GetAsync(url);
            Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)page.Status}");
        }
    }

    [Theory]
    [InlineData("/Account/Login", null)]
    [InlineData("/Culture/Set", null)]
    [InlineData("/Customers/Create", "sales")]
    [InlineData("/Complaints/Create", "qstaff")]
    [InlineData("/Attachments/Upload", "qstaff")]
    [InlineData("/Products/Create", "admin")]
    public async Task A_multipart_post_without_a_boundary_gets_a_400_page(string url, string? userName)
    {
        var client = userName is null ? app.CreateBrowserClient() : await _users.As(userName);
        var token = await client.TokenFromAsync(userName is null ? "/Account/Login" : "/");
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.AcceptLanguage.ParseAdd("en");

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be accepted.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every POST action of the app, found from MVC's action descriptors, posted by users of several roles:
    /// none answers 5xx, and the actions a user may call answer 400.</summary>
    [Fact]
    public async Task No_post_action_answers_a_server_error_to_multipart_without_a_boundary()
    {
        var actions = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Where(a => a.ActionConstraints?.OfType<HttpMethodActionConstraint>().Any(c => c.HttpMethods.Contains("POST")) == true)
            .Select(a => a.AttributeRouteInfo?.Template is { } template
                ? "/" + RouteParameter().Replace(template, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString())
                : $"/{a.ControllerName}/{a.ActionName}/{Guid.NewGuid()}")
            .Distinct().ToList();
        Assert.True(actions.Count >= 17, $"{actions.Count} POST actions");
        var answers = new List<(string Url, string User, HttpStatusCode Status)>();

        foreach (var userName in new[] { "admin", "salesmanager", "sales", "qstaff", "quality", "contracts", "finance", "gm", "production" })
        {
            var client = await _users.As(userName);
            var token = await client.TokenFromAsync("/");
            foreach (var url in actions)
            {
                using var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"));
                content.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                request.Headers.Add("RequestVerificationToken", token);
                using var response = await client.Http.SendAsync(request);
                answers.Add((url, userName, response.StatusCode));
            }
        }

        Assert.Empty(answers.Where(a => (int)a.Status >= 500).Select(a => $"{a.Url} as {a.User}: {(int)a.Status}"));
        Assert.Empty(answers.Where(a => (int)a.Status < 400).Select(a => $"{a.Url} as {a.User}: {(int)a.Status}"));
        var refused = answers.Where(a => a.Status == HttpStatusCode.BadRequest).Select(a => a.Url).Distinct().Count();
        Assert.True(refused >= 17, $"{refused} of {actions.Count} actions answered 400 to some user");
    }

    [Fact]
    public async Task An_anonymous_language_switch_with_a_non_ASCII_return_address_redirects_without_a_server_error()
    {
        using var client = app.CreateBrowserClient();

        var result = await client.SubmitAsync("/Account/Login", [new("culture", "en"), new("returnUrl", "/Customers?q=上海东方")], "/Culture/Set");

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.StartsWith("/", result.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("//", result.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_deactivation_post_leaves_the_user_active()
    {
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync());
        var admin = await _users.As("admin");
        var token = await admin.TokenFromAsync("/Users");

        var result = await admin.PostAsync($"/Users/SetActive/{userId}", [], token);

        Assert.True(result.Status is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{(int)result.Status}");
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Deactivating_a_user_asks_for_confirmation_first()
    {
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "legal").Select(u => u.Id).SingleAsync());
        var admin = await _users.As("admin");
        var token = await admin.TokenFromAsync("/Users");

        var unconfirmed = await admin.PostAsync($"/Users/SetActive/{userId}?active=false", [], token);

        Assert.NotEqual(HttpStatusCode.Redirect, unconfirmed.Status);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.IsActive).SingleAsync()));
        Assert.NotNull(unconfirmed.Document.QuerySelector("input[type=checkbox][name=Confirmed]"));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
