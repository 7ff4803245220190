using System.Net;
using System.Text;
using CustomerProcess.Web.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Finding 4 of issue #21: malformed form bodies got the status line "HTTP/1.1 0" and a dropped
/// connection. Each must get a proper 400 with the localized error page, and a warning in the log.</summary>
public sealed class MalformedRequestTests(MalformedRequestApp app) : IClassFixture<MalformedRequestApp>
{
    public static TheoryData<string, string, string> MalformedBodies() => new()
    {
        { "nul byte in a field", "application/x-www-form-urlencoded", "UserName=ad%00min&Password=x" },
        { "nul byte in a multipart field", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"UserName\"\r\n\r\nad\0min\r\n--xyz--\r\n" },
        { "more than 1,024 fields", "application/x-www-form-urlencoded", string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")) },
        { "a 100 KB field name", "application/x-www-form-urlencoded", new string('a', 100 * 1024) + "=1" },
        { "malformed multipart", "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"UserName\"\r\n\r\nadmin\r\n--xyz\r\nbroken" },
        { "multipart without a boundary", "multipart/form-data", "--xyz\r\nContent-Disposition: form-data; name=\"UserName\"\r\n\r\nadmin\r\n--xyz--\r\n" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_form_body_gets_a_400_error_page_and_a_warning(string what, string contentType, string body)
    {
        var bytes = Encoding.ASCII.GetBytes(body);
        var before = app.Log.Events.Count(e => e.Level == LogLevel.Warning && e.Category.EndsWith(".MalformedFormFilter", StringComparison.Ordinal));
        var head = $"POST /Account/Login HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nAccept-Language: en\r\n" +
                   $"Content-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";

        var reply = await app.SendRawAsync(head, bytes);

        Assert.True(
            reply.StatusLine == "HTTP/1.1 400 Bad Request",
            $"{what}: {reply.StatusLine}; logged: {string.Join(" | ", app.Log.Events.Skip(before).Select(e => e.Message))}");
        Assert.Contains("Bad request", reply.Body, StringComparison.Ordinal);
        Assert.Contains("The form could not be accepted.", reply.Body, StringComparison.Ordinal);
        Assert.True(app.Log.Events.Count(e => e.Level == LogLevel.Warning && e.Category.EndsWith(".MalformedFormFilter", StringComparison.Ordinal)) > before, $"{what}: no warning logged");
    }

    [Fact]
    public async Task A_nul_byte_in_a_field_of_a_form_with_a_valid_token_gets_a_400_error_page_and_a_warning()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var client = new BrowserLikeClient(http, "en");
        var before = app.Log.Events.Count;

        var result = await client.SubmitAsync("/Account/Login", [new("UserName", "ad\0min"), new("Password", "not the password")]);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("The form could not be accepted.", result.Text, StringComparison.Ordinal);
        Assert.True(
            app.Log.Events.Skip(before).Any(e => e.Level == LogLevel.Warning && e.Message.Contains("malformed form body", StringComparison.Ordinal)),
            string.Join(" | ", app.Log.Events.Skip(before).Select(e => e.Message)));
    }

    [Fact]
    public async Task Responses_do_not_name_the_server_software()
    {
        var reply = await app.SendRawAsync($"GET /Account/Login HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nConnection: close\r\n\r\n", []);

        Assert.StartsWith("HTTP/1.1 200", reply.StatusLine, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\nServer:", reply.Headers, StringComparison.OrdinalIgnoreCase);
    }
}
