using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>Issue #20 item 4: Chinese is sent as UTF-8 text, not as one numeric entity per character, and markup in
/// data is still encoded.</summary>
public sealed partial class HtmlEncodingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_chinese_login_page_carries_its_words_as_text_and_no_entity_for_a_chinese_character()
    {
        using var client = app.CreateBrowserClient("zh-CN");
        var page = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("登录", page.Html, StringComparison.Ordinal);
        var cjkEntities = NumericEntity().Matches(page.Html)
            .Select(m => int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .Where(code => code >= 0x2E80)
            .ToList();
        Assert.Empty(cjkEntities);
    }

    [Fact]
    public async Task A_customer_name_with_a_script_tag_is_still_encoded_on_the_page()
    {
        var code = "ENC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CustomerProcess.Infrastructure.Persistence.AppDbContext>();
            db.Customers.Add(new Customer(code, "<script>alert(1)</script> \"引号\" & 客户", CustomerClass.Prospect, null));
            await db.SaveChangesAsync();
        }

        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("sales");
        var page = await client.GetAsync("/Customers?q=" + code);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script>alert(1)</script>", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;引号&quot; &amp; 客户", page.Html, StringComparison.Ordinal);
        // The reader sees the name as it was typed.
        Assert.Contains("<script>alert(1)</script> \"引号\" & 客户", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [GeneratedRegex("&#x([0-9A-Fa-f]+);")]
    private static partial Regex NumericEntity();
}
