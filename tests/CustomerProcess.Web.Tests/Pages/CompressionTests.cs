using System.IO.Compression;
using System.Net;
using System.Text;
using CustomerProcess.Web.Tests.Support;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>Issue #20 item 4, docs/adr/0040: the app compresses what it sends when the browser accepts it (Brotli
/// first, then gzip), the body unpacks to the page it would have sent plain, and a client that accepts neither gets it
/// plain.</summary>
[Collection(AppCollection.Name)]
public sealed class CompressionTests(AppFactory app)
{
    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    public async Task A_signed_in_page_is_sent_compressed_when_the_browser_accepts_it(string accepted, string expected)
    {
        using var client = app.CreateBrowserClient("zh-CN");
        await client.SignInAsync("contracts");

        var (plainEncoding, plainBytes, _) = await GetAsync(client, "/Ledger", null);
        var (encoding, bytes, vary) = await GetAsync(client, "/Ledger", accepted);

        Assert.Null(plainEncoding);
        Assert.Equal(expected, encoding);
        Assert.Contains("Accept-Encoding", vary);
        // The test data's ledger page is small (about 5 KB); a page of 20 rows shrinks far more.
        Assert.True(bytes.Length * 3 < plainBytes.Length * 2, $"{bytes.Length} bytes compressed, {plainBytes.Length} plain");
        var html = Encoding.UTF8.GetString(Unpack(bytes, expected));
        Assert.Contains("id=\"ledger-filters\"", html, StringComparison.Ordinal);
        Assert.Contains("合同台帐", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_style_sheet_is_sent_compressed_and_a_client_that_accepts_nothing_gets_it_plain()
    {
        using var client = app.CreateBrowserClient("en");

        var (compressed, bytes, _) = await GetAsync(client, "/css/site.css", "br");
        var (plain, plainBytes, _) = await GetAsync(client, "/css/site.css", null);

        Assert.Equal("br", compressed);
        Assert.Null(plain);
        Assert.Equal(plainBytes, Unpack(bytes, "br"));
    }

    private static async Task<(string? Encoding, byte[] Body, string Vary)> GetAsync(BrowserLikeClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), await response.Content.ReadAsByteArrayAsync(),
            string.Join(",", response.Headers.Vary));
    }

    private static byte[] Unpack(byte[] body, string encoding)
    {
        using var source = new MemoryStream(body);
        using Stream unpacking = encoding == "br" ? new BrotliStream(source, CompressionMode.Decompress) : new GZipStream(source, CompressionMode.Decompress);
        using var target = new MemoryStream();
        unpacking.CopyTo(target);
        return target.ToArray();
    }
}
