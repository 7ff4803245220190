using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Web.Features.Evidence;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CustomerProcess.Web.Tests.Evidence;

/// <summary>The demo company's last months (DemoRecords), packs built by calling the worker (its loop is off here).</summary>
public sealed class EvidenceAppFactory : AppFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cp-tests", "evidence-" + Guid.NewGuid().ToString("N"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DemoData:BusinessRecords"] = "true",
        ["EvidencePacks:WorkerEnabled"] = "false",
        ["EvidencePacks:Folder"] = Folder,
    };
}

/// <summary>Issue #18 item 6 (docs/process.md §11, ADR 0042): a period's records in one zip, built in the background,
/// for quality and the GM only, every download logged.</summary>
public sealed partial class EvidencePackTests(EvidenceAppFactory app) : IClassFixture<EvidenceAppFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), Web.Infrastructure.Formatting.DisplayZone).DateTime);

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The quality head asks for the pack of the three months up to today; returns the pack's page address.</summary>
    private static async Task<(Guid Id, string Url)> RequestAsync(BrowserLikeClient client, DateOnly from, DateOnly to)
    {
        var posted = await client.SubmitAsync("/Evidence", [new("From", Day(from)), new("To", Day(to)), new("CustomerCode", ""), new("Department", "")], "/Evidence");
        Assert.True(posted.Status == HttpStatusCode.Redirect, $"{(int)posted.Status} {posted.ErrorText}");
        var id = Guid.Parse(posted.Location!.Split('/').Last());
        return (id, posted.Location!);
    }

    private async Task BuildAsync() => await app.Services.GetRequiredService<EvidencePackWorker>().RunOnceAsync(CancellationToken.None);

    private static async Task<byte[]> EntryBytesAsync(ZipArchiveEntry entry)
    {
        await using var stream = await entry.OpenAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task The_pack_of_a_seeded_quarter_holds_exactly_the_records_the_pages_list_and_its_manifest_matches_the_zip()
    {
        var (from, to) = (Today.AddMonths(-3).AddDays(1), Today);
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");
        var (id, url) = await RequestAsync(quality, from, to);

        var queued = await quality.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, queued.Status);
        Assert.Equal("Queued", queued.Document.QuerySelector("#evidence-status")!.TextContent.Trim());
        Assert.NotNull(queued.Document.QuerySelector("meta[http-equiv=refresh]"));
        var row = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((EvidencePackStatus.Queued, from, to, "en"), (row.Status, row.From, row.To, row.Culture));
        Assert.Equal(await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "quality").Select(u => u.DisplayName).SingleAsync()), row.RequestedByName);

        await BuildAsync();

        var ready = await quality.GetAsync(url);
        Assert.Equal("Ready", ready.Document.QuerySelector("#evidence-status")!.TextContent.Trim());
        Assert.Null(ready.Document.QuerySelector("meta[http-equiv=refresh]"));
        var download = await quality.Http.GetAsync($"/Evidence/{id}/Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        row = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((EvidencePackStatus.Ready, (long)bytes.Length, row.Total), (row.Status, row.FileSize!.Value, row.Done));

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var manifestBytes = await EntryBytesAsync(zip.GetEntry(EvidenceManifest.FileName)!);
        Assert.Equal(row.ManifestHash, Convert.ToHexStringLower(SHA256.HashData(manifestBytes)));
        Assert.Equal(row.ManifestHash, ready.Document.QuerySelector("#evidence-manifest-hash")!.TextContent.Trim());
        var (files, counts) = EvidenceManifest.Parse(System.Text.Encoding.UTF8.GetString(manifestBytes));

        // Every file of the zip is in the manifest with its hash and size, and nothing else is in the zip.
        Assert.Equal(files.Select(f => f.Path).Append(EvidenceManifest.FileName).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var content = await EntryBytesAsync(zip.GetEntry(file.Path)!);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(content)));
            Assert.Equal(file.Size, content.LongLength);
        }

        // Review forms: one PDF per review opened in the period.
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Web.Infrastructure.Formatting.DisplayZone);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Web.Infrastructure.Formatting.DisplayZone);
        var reviews = await app.WithDbAsync(db => db.Reviews.CountAsync(r => r.OpenedAtUtc >= fromUtc && r.OpenedAtUtc < toUtc));
        Assert.True(reviews > 0, "the demo quarter has no review");
        Assert.Equal(reviews, counts[nameof(EvidenceRecordType.ReviewForms)]);
        Assert.Equal(reviews, files.Count(f => f.Path.StartsWith("reviews/", StringComparison.Ordinal) && f.Path.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.All(files.Where(f => f.Path.EndsWith(".pdf", StringComparison.Ordinal)), f => Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(EntryBytesAsync(zip.GetEntry(f.Path)!).Result, 0, 4), StringComparison.Ordinal));

        // The ledger extract has the rows of the ledger's own export for the same period (the GM reads the ledger).
        using var gm = app.CreateBrowserClient("en");
        await gm.SignInAsync("gm");
        var ledger = await gm.Http.GetAsync($"/Ledger/Export?From={Day(from)}&To={Day(to)}");
        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        var ledgerRows = new MemoryStream(await ledger.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Count();
        var packLedgerRows = new MemoryStream(await EntryBytesAsync(zip.GetEntry("ledger/contract-ledger.xlsx")!)).Query(useHeaderRow: true).Count();
        Assert.True(ledgerRows > 0, "the demo quarter has no contract");
        Assert.Equal(ledgerRows, packLedgerRows);
        Assert.Equal(ledgerRows, counts[nameof(EvidenceRecordType.Contracts)]);

        // Complaints: the complaint board (open and closed) lists exactly the complaints whose sheets are in the pack.
        var listed = new List<string>();
        foreach (var closed in new[] { false, true })
        {
            for (var page = 1; ; page++)
            {
                var board = await quality.GetAsync($"/Complaints?closed={closed}&page={page}");
                var numbers = board.Document.QuerySelectorAll("#complaints tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
                listed.AddRange(numbers);
                if (numbers.Count == 0 || board.Document.QuerySelector("a[rel=next]") is null)
                {
                    break;
                }
            }
        }

        var inPeriod = await app.WithDbAsync(db => db.Complaints.Where(c => listed.Contains(c.Number) && c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc).Select(c => c.Number).ToListAsync());
        Assert.NotEmpty(inPeriod);
        Assert.Equal(inPeriod.Select(n => $"complaints/feedback-{n}.pdf").Order(StringComparer.Ordinal),
            files.Where(f => f.Path.StartsWith("complaints/", StringComparison.Ordinal)).Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(inPeriod.Count, counts[nameof(EvidenceRecordType.Complaints)]);

        // The CSV files hold one line per counted record after their header.
        async Task<int> CsvRowsAsync(string path) =>
            System.Text.Encoding.UTF8.GetString(await EntryBytesAsync(zip.GetEntry(path)!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        Assert.Equal(counts[nameof(EvidenceRecordType.Returns)], await CsvRowsAsync("returns/returns.csv"));
        Assert.Equal(await app.WithDbAsync(db => db.Returns.CountAsync(r => r.ReceivedAtUtc >= fromUtc && r.ReceivedAtUtc < toUtc)), counts[nameof(EvidenceRecordType.Returns)]);
        Assert.Equal(counts[nameof(EvidenceRecordType.TaskNoticeAcknowledgements)], await CsvRowsAsync("notices/acknowledgements.csv"));
        Assert.Equal(await app.WithDbAsync(db => db.NoticeAcknowledgements.CountAsync(a => db.TaskNotices.Any(n => n.Id == a.NoticeId && n.IssuedAtUtc >= fromUtc && n.IssuedAtUtc < toUtc))),
            counts[nameof(EvidenceRecordType.TaskNoticeAcknowledgements)]);
        Assert.Equal(counts[nameof(EvidenceRecordType.SurveyResponses)], await CsvRowsAsync("surveys/responses.csv"));
        Assert.Equal(await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SubmittedAtUtc >= fromUtc && r.SubmittedAtUtc < toUtc)), counts[nameof(EvidenceRecordType.SurveyResponses)]);
        var audit = counts[nameof(EvidenceRecordType.AuditEntries)];
        Assert.True(audit > 0);
        Assert.True(audit <= await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UtcTime >= fromUtc && a.UtcTime < toUtc)));
    }

    [Fact]
    public async Task A_packs_file_is_removed_after_the_keeping_days_while_its_record_stays_and_its_download_says_so()
    {
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");
        var (fresh, _) = await RequestAsync(quality, Today.AddDays(-2), Today);
        var (old, url) = await RequestAsync(quality, Today.AddDays(-3), Today);
        await BuildAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // Built seven days ago (EvidencePacks:KeepDays defaults to 7) and a second short of it.
        await app.WithDbAsync(db => db.EvidencePacks.Where(p => p.Id == old).ExecuteUpdateAsync(s => s.SetProperty(p => p.FinishedAtUtc, now.AddDays(-7))));
        await app.WithDbAsync(db => db.EvidencePacks.Where(p => p.Id == fresh).ExecuteUpdateAsync(s => s.SetProperty(p => p.FinishedAtUtc, now.AddDays(-7).AddSeconds(1))));
        var rows = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().Where(p => p.Id == old || p.Id == fresh).ToDictionaryAsync(p => p.Id));
        var oldFile = Path.Combine(app.Folder, rows[old].FileName!);
        var freshFile = Path.Combine(app.Folder, rows[fresh].FileName!);
        Assert.True(File.Exists(oldFile) && File.Exists(freshFile));

        await BuildAsync(); // the worker's run removes what has been kept long enough

        Assert.False(File.Exists(oldFile));
        Assert.True(File.Exists(freshFile));
        var kept = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == old));
        Assert.Equal((EvidencePackStatus.Ready, now, rows[old].ManifestHash), (kept.Status, kept.FileRemovedAtUtc, kept.ManifestHash));
        Assert.Null(await app.WithDbAsync(db => db.EvidencePacks.Where(p => p.Id == fresh).Select(p => p.FileRemovedAtUtc).SingleAsync()));

        var download = await quality.GetAsync($"/Evidence/{old}/Download");
        Assert.Equal((HttpStatusCode.Redirect, url), (download.Status, download.Location));
        var page = await quality.GetAsync(url);
        Assert.Contains("The pack's file was removed on", page.Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("File removed on", page.Document.QuerySelector("#evidence-file-removed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#evidence-download"));
        Assert.Equal(0, await app.WithDbAsync(db => db.EvidencePackDownloads.CountAsync(d => d.PackId == old)));
    }

    [Fact]
    public async Task Every_download_is_logged_with_who_and_when_and_shown_on_the_pack_page()
    {
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");
        var (id, url) = await RequestAsync(quality, Today.AddDays(-7), Today);
        var early = await quality.GetAsync($"/Evidence/{id}/Download");
        Assert.Equal((HttpStatusCode.Redirect, url), (early.Status, early.Location));
        Assert.Contains("The evidence pack is not ready yet.", (await quality.GetAsync(url)).Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.EvidencePackDownloads.CountAsync(d => d.PackId == id)));
        await BuildAsync();

        using var gm = app.CreateBrowserClient("en");
        await gm.SignInAsync("gm");
        Assert.Equal(HttpStatusCode.OK, (await gm.Http.GetAsync($"/Evidence/{id}/Download")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await quality.Http.GetAsync($"/Evidence/{id}/Download")).StatusCode);

        var logged = await app.WithDbAsync(db => db.EvidencePackDownloads.AsNoTracking().Where(d => d.PackId == id).OrderBy(d => d.AtUtc).ToListAsync());
        var names = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "gm" || u.UserName == "quality").ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName)));
        Assert.Equal([names["gm"].Id, names["quality"].Id], logged.Select(d => d.UserId));
        Assert.All(logged, d => Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, d.AtUtc));

        var page = await quality.GetAsync(url);
        var shown = page.Document.QuerySelectorAll("#evidence-downloads tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([names["quality"].DisplayName, names["gm"].DisplayName], shown);
        var list = await quality.GetAsync("/Evidence");
        Assert.Contains(list.Document.QuerySelectorAll("#evidence-packs a"), a => a.GetAttribute("href") == $"/Evidence/{id}");
    }

    [Fact]
    public async Task A_salesperson_gets_403_on_request_list_page_and_download_and_nothing_is_logged()
    {
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");
        var (id, url) = await RequestAsync(quality, Today.AddDays(-3), Today);
        await BuildAsync();
        var packs = await app.WithDbAsync(db => db.EvidencePacks.CountAsync());

        using var sales = app.CreateBrowserClient("en");
        await sales.SignInAsync("sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/Evidence")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync(url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.Http.GetAsync($"/Evidence/{id}/Download")).StatusCode);
        var token = await sales.TokenFromAsync("/");
        var posted = await sales.PostAsync("/Evidence", [new("From", Day(Today.AddDays(-3))), new("To", Day(Today))], token);
        Assert.Equal(HttpStatusCode.Forbidden, posted.Status);

        Assert.Equal(packs, await app.WithDbAsync(db => db.EvidencePacks.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.EvidencePackDownloads.CountAsync(d => d.PackId == id)));
        Assert.DoesNotContain("nav-evidence", (await sales.GetAsync("/")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversed_or_too_long_period_is_refused_on_the_form_and_queues_nothing()
    {
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");
        var packs = await app.WithDbAsync(db => db.EvidencePacks.CountAsync());

        var reversed = await quality.SubmitAsync("/Evidence", [new("From", Day(Today)), new("To", Day(Today.AddDays(-1)))], "/Evidence");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reversed.Status);
        Assert.Contains("The period ends before it starts.", reversed.ErrorText, StringComparison.Ordinal);
        var tooLong = await quality.SubmitAsync("/Evidence", [new("From", Day(Today.AddDays(-EvidencePack.MaxDays))), new("To", Day(Today))], "/Evidence");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.Status);
        var unknown = await quality.SubmitAsync("/Evidence", [new("From", Day(Today.AddDays(-5))), new("To", Day(Today)), new("CustomerCode", "NO-SUCH-CODE")], "/Evidence");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.Status);
        Assert.Contains("No customer has the code NO-SUCH-CODE.", unknown.ErrorText, StringComparison.Ordinal);

        Assert.Equal(packs, await app.WithDbAsync(db => db.EvidencePacks.CountAsync()));
    }

    [Theory]
    [InlineData("quality", true, true)]
    [InlineData("gm", true, true)]
    [InlineData("qstaff", false, true)]
    [InlineData("sales", false, false)]
    public async Task The_menu_links_the_audit_verification_and_the_evidence_packs_only_for_the_roles_they_let_in(string user, bool verify, bool evidence)
    {
        using var client = app.CreateBrowserClient("en");
        await client.SignInAsync(user);
        var home = await client.GetAsync("/");
        Assert.Equal(verify, home.Document.QuerySelector("nav a#nav-audit-verify[href='/Audit/Verify']") is not null);
        Assert.Equal(evidence, home.Document.QuerySelector("nav a#nav-evidence[href='/Evidence']") is not null);
        if (verify)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Audit/Verify")).Status);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/Audit/Verify")).Status);
        }
    }
}
