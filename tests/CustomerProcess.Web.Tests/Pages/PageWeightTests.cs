using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;
using Xunit.Abstractions;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>Issue #20 item 4: bytes per page with the HTML encoder the app uses (every Unicode range as text) and with
/// the framework's default (Basic Latin only; every other character a numeric entity), on the same database. The
/// figures go to the test output (bench/results/notes.md keeps them); gzip and Brotli are what a compressing proxy sends.</summary>
public sealed class PageWeightTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Chinese_pages_are_smaller_with_text_than_with_numeric_entities()
    {
        var tracking = new TrackingDriver(app);
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.New);
        var contract = await tracking.SignedContractAsync(code, CustomerClass.New);
        var openReview = await tracking.Reviews.SubmitOrderAsync(CustomerProcess.Web.Tests.ReviewSpine.ReviewDriver.OrderForm(code, 5, 2_000m));

        using var entities = app.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin))));
        string[] pages = ["/Ledger", TrackingDriver.Details(contract), $"/Reviews/{openReview}"];
        foreach (var language in new[] { "zh-CN", "en" })
        {
            using var before = new BrowserLikeClient(entities.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), language);
            using var after = app.CreateBrowserClient(language);
            await before.SignInAsync("finance");
            await after.SignInAsync("finance");
            foreach (var url in pages)
            {
                var old = await before.GetAsync(url);
                var now = await after.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, old.Status);
                Assert.Equal(HttpStatusCode.OK, now.Status);
                var (oldRaw, oldGzip, oldBrotli) = Sizes(old.Html);
                var (newRaw, newGzip, newBrotli) = Sizes(now.Html);
                output.WriteLine($"{language} {url.Split('/')[1]}{(url.Count(c => c == '/') > 1 ? " details" : "")}: before {oldRaw:N0} B (gzip {oldGzip:N0}, br {oldBrotli:N0}), after {newRaw:N0} B (gzip {newGzip:N0}, br {newBrotli:N0})");
                if (language == "zh-CN")
                {
                    Assert.True(newRaw < oldRaw, $"{url}: {newRaw} bytes now, {oldRaw} with entities");
                    Assert.Contains("&#x", old.Html, StringComparison.Ordinal);
                }

                // The same document either way: only the way characters are written differs.
                Assert.Equal(old.Document.QuerySelector("main")?.TextContent.Length, now.Document.QuerySelector("main")?.TextContent.Length);
            }
        }
    }

    private static (int Raw, int Gzip, int Brotli) Sizes(string html)
    {
        var bytes = Encoding.UTF8.GetBytes(html);
        return (bytes.Length, Compressed(bytes, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true)),
            Compressed(bytes, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true)));
    }

    private static int Compressed(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var target = new MemoryStream();
        using (var stream = compressor(target))
        {
            stream.Write(bytes);
        }

        return (int)target.Length;
    }
}
