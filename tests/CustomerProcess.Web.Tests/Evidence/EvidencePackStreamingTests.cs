using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Domain.Retention;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Evidence;

/// <summary>Issue #18 item 6's last gaps (ADR 0042 amendments): streamed builds, disposed records, the department filter.
/// Each test seeds its own month of 2015, which the demo data never reaches.</summary>
public sealed partial class EvidencePackTests
{
    private static DateTime ChinaDayUtc(DateOnly day, int hour = 10) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), Web.Infrastructure.Formatting.DisplayZone);

    /// <summary>Requests (with an optional department), builds and downloads a pack; checks every file against the
    /// manifest's hash and size and that the zip holds nothing else; returns the zip and the manifest's counts.</summary>
    private async Task<(ZipArchive Zip, IReadOnlyList<EvidenceFile> Files, IReadOnlyDictionary<string, int> Counts)> BuiltPackAsync(
        BrowserLikeClient client, DateOnly from, DateOnly to, string department = "")
    {
        var posted = await client.SubmitAsync("/Evidence", [new("From", Day(from)), new("To", Day(to)), new("CustomerCode", ""), new("Department", department)], "/Evidence");
        Assert.True(posted.Status == HttpStatusCode.Redirect, $"{(int)posted.Status} {posted.ErrorText}");
        var id = Guid.Parse(posted.Location!.Split('/').Last());
        await BuildAsync();
        var download = await client.Http.GetAsync($"/Evidence/{id}/Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        var manifestBytes = await EntryBytesAsync(zip.GetEntry(EvidenceManifest.FileName)!);
        var row = await app.WithDbAsync(db => db.EvidencePacks.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((row.Total, row.ManifestHash), (row.Done, Convert.ToHexStringLower(SHA256.HashData(manifestBytes))));
        var (files, counts) = EvidenceManifest.Parse(System.Text.Encoding.UTF8.GetString(manifestBytes));
        Assert.Equal(files.Select(f => f.Path).Append(EvidenceManifest.FileName).Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            var content = await EntryBytesAsync(zip.GetEntry(file.Path)!);
            Assert.Equal((file.Sha256, file.Size), (Convert.ToHexStringLower(SHA256.HashData(content)), content.LongLength));
        }

        return (zip, files, counts);
    }

    /// <summary>Seeds closed-or-open complaints received on <paramref name="day"/>, each with one return; their numbers.</summary>
    private async Task<List<string>> SeedComplaintsAsync(DateOnly day, int count, string prefix, string? department = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var customerId = await db.Customers.OrderBy(c => c.Code).Select(c => c.Id).FirstAsync();
            var numbers = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var number = $"{prefix}{i:D4}";
                var complaint = new Complaint(number, customerId, ComplaintKind.Complaint, ComplaintChannel.Phone, ComplaintSeverity.Minor,
                    $"Seeded complaint {i}", ChinaDayUtc(day), "seed", "Seed", now);
                if (department is not null)
                {
                    Assert.True(complaint.RecordInvestigation("Seeded cause", CauseCategory.Material, department).Succeeded);
                }

                db.Complaints.Add(complaint);
                db.Returns.Add(ReturnRecord.ForComplaint(complaint.Id, null, 1 + i, "pcs", ChinaDayUtc(day, 11), $"Seeded return {i}", "seed", "Seed", now).Value!);
                numbers.Add(number);
            }

            await db.SaveChangesAsync();
            return numbers;
        });
    }

    [Fact]
    public async Task A_pack_over_hundreds_of_streamed_records_holds_exactly_their_files_and_rows_and_its_manifest_matches()
    {
        var day = new DateOnly(2015, 3, 10);
        var numbers = await SeedComplaintsAsync(day, 200, "TS-STREAM-");
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");

        var (zip, files, counts) = await BuiltPackAsync(quality, new DateOnly(2015, 3, 1), new DateOnly(2015, 3, 31));
        using (zip)
        {
            Assert.Equal(numbers.Select(n => $"complaints/feedback-{n}.pdf").Order(StringComparer.Ordinal),
                files.Where(f => f.Path.StartsWith("complaints/", StringComparison.Ordinal)).Select(f => f.Path).Order(StringComparer.Ordinal));
            Assert.Equal(200, counts[nameof(EvidenceRecordType.Complaints)]);
            Assert.Equal(200, counts[nameof(EvidenceRecordType.Returns)]);
            var returns = System.Text.Encoding.UTF8.GetString(await EntryBytesAsync(zip.GetEntry("returns/returns.csv")!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(201, returns.Length);
            Assert.All(numbers, n => Assert.Contains(returns, line => line.Contains(n, StringComparison.Ordinal)));
            Assert.Equal(0, counts[nameof(EvidenceRecordType.ReviewForms)]);
            Assert.Equal(0, counts[nameof(EvidenceRecordType.Contracts)]);
            Assert.NotNull(zip.GetEntry("ledger/contract-ledger.xlsx"));
        }
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The PDF's text as pdftotext reads it, without white space; the file is kept under TestResults/pdf.</summary>
    private static async Task<string> PdfTextAsync(byte[] pdf, string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "TestResults", "pdf");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        await File.WriteAllBytesAsync(path, pdf);
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return Compact(text);
    }

    [Fact]
    public async Task A_disposed_complaint_is_in_the_pack_under_its_number_saying_disposed_by_its_disposal_record_instead_of_its_texts()
    {
        var day = new DateOnly(2015, 5, 12);
        var numbers = await SeedComplaintsAsync(day, 2, "TS-DISP-");
        var (disposedNumber, keptNumber) = (numbers[0], numbers[1]);
        await app.WithDbAsync(db => db.Complaints.Where(c => numbers.Contains(c.Number))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, ComplaintStatus.Closed).SetProperty(c => c.ClosedAtUtc, ChinaDayUtc(day.AddDays(5)))));
        var complaintId = await app.WithDbAsync(db => db.Complaints.Where(c => c.Number == disposedNumber).Select(c => c.Id).SingleAsync());

        // Disposal through the pages: the quality head requests, the GM approves, the quality head carries it out.
        using var quality = app.CreateBrowserClient("en");
        await quality.SignInAsync("quality");
        var requested = await quality.SubmitAsync($"/Retention?type={RetentionRecordType.Complaints}&q={disposedNumber}",
            [new("RecordIds", complaintId.ToString()), new("Reason", "Retention period over")], "/Retention/Submit");
        Assert.True(requested.Status == HttpStatusCode.Redirect, $"{(int)requested.Status} {requested.ErrorText}");
        var disposalId = Guid.Parse(requested.Location!.Split('/').Last());
        using var gm = app.CreateBrowserClient("en");
        await gm.SignInAsync("gm");
        Assert.Equal(HttpStatusCode.Redirect, (await gm.SubmitAsync(requested.Location, [new("Note", "Agreed")], $"/Retention/Approve/{disposalId}")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await quality.SubmitAsync(requested.Location, [], $"/Retention/Execute/{disposalId}")).Status);
        var disposal = await app.WithDbAsync(db => db.DisposalRecords.AsNoTracking().SingleAsync(d => d.Id == disposalId));
        Assert.Equal(DisposalStatus.Executed, disposal.Status);
        Assert.Equal(disposalId, await app.WithDbAsync(db => db.Complaints.Where(c => c.Id == complaintId).Select(c => c.DisposalId).SingleAsync()));

        var (zip, files, counts) = await BuiltPackAsync(quality, new DateOnly(2015, 5, 1), new DateOnly(2015, 5, 31));
        using (zip)
        {
            // Both complaints are counted and present under their numbers.
            Assert.Equal(2, counts[nameof(EvidenceRecordType.Complaints)]);
            Assert.Equal([$"complaints/feedback-{disposedNumber}.pdf", $"complaints/feedback-{keptNumber}.pdf"],
                files.Where(f => f.Path.StartsWith("complaints/", StringComparison.Ordinal)).Select(f => f.Path).Order(StringComparer.Ordinal));

            // The disposed one's page says it was disposed of by its XH record, and holds none of the feedback sheet's sections.
            var disposedText = await PdfTextAsync(await EntryBytesAsync(zip.GetEntry($"complaints/feedback-{disposedNumber}.pdf")!), $"evidence-{disposedNumber}.pdf");
            Assert.StartsWith(DisposalRecord.NumberPrefix, disposal.Number, StringComparison.Ordinal);
            Assert.Contains(disposedNumber, disposedText, StringComparison.Ordinal);
            Assert.Contains(Compact($"disposed ({disposal.Number})"), disposedText, StringComparison.Ordinal);
            Assert.DoesNotContain("Customerfeedback", disposedText, StringComparison.Ordinal);
            Assert.DoesNotContain("Answertothecustomer", disposedText, StringComparison.Ordinal);

            // The kept one is its real feedback sheet with its texts.
            var keptText = await PdfTextAsync(await EntryBytesAsync(zip.GetEntry($"complaints/feedback-{keptNumber}.pdf")!), $"evidence-{keptNumber}.pdf");
            Assert.Contains(Compact("Seeded complaint 1"), keptText, StringComparison.Ordinal);
            Assert.DoesNotContain("disposed(", keptText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_pack_for_one_department_counts_that_departments_complaints_and_returns_and_names_the_whole_period_types_in_its_manifest()
    {
        var day = new DateOnly(2015, 7, 8);
        var quality = await SeedComplaintsAsync(day, 3, "TS-DEPQ-", CustomerProcess.Domain.Reviews.ReviewDepartments.Quality);
        var production = await SeedComplaintsAsync(day, 2, "TS-DEPP-", CustomerProcess.Domain.Reviews.ReviewDepartments.Production);
        using var client = app.CreateBrowserClient("en");
        await client.SignInAsync("quality");
        var (from, to) = (new DateOnly(2015, 7, 1), new DateOnly(2015, 7, 31));

        var (zip, files, counts) = await BuiltPackAsync(client, from, to, CustomerProcess.Domain.Reviews.ReviewDepartments.Quality);
        using (zip)
        {
            Assert.Equal(quality.Select(n => $"complaints/feedback-{n}.pdf"),
                files.Where(f => f.Path.StartsWith("complaints/", StringComparison.Ordinal)).Select(f => f.Path).Order(StringComparer.Ordinal));
            Assert.Equal((3, 3, 0, 0), (counts[nameof(EvidenceRecordType.Complaints)], counts[nameof(EvidenceRecordType.Returns)],
                counts[nameof(EvidenceRecordType.ReviewForms)], counts[nameof(EvidenceRecordType.TaskNoticeAcknowledgements)]));
            var returns = System.Text.Encoding.UTF8.GetString(await EntryBytesAsync(zip.GetEntry("returns/returns.csv")!));
            Assert.All(quality, n => Assert.Contains(n, returns, StringComparison.Ordinal));
            Assert.All(production, n => Assert.DoesNotContain(n, returns, StringComparison.Ordinal));

            // The records of that department in the database are exactly what was counted.
            var (fromUtc, toUtc) = (ChinaDayUtc(from, 0), ChinaDayUtc(to.AddDays(1), 0));
            Assert.Equal(counts[nameof(EvidenceRecordType.Complaints)], await app.WithDbAsync(db => db.Complaints.CountAsync(c =>
                c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc && c.ResponsibleDepartment == CustomerProcess.Domain.Reviews.ReviewDepartments.Quality)));

            var scopes = EvidenceManifest.ParseScopes(System.Text.Encoding.UTF8.GetString(await EntryBytesAsync(zip.GetEntry(EvidenceManifest.FileName)!)));
            var department = "department " + CustomerProcess.Domain.Reviews.ReviewDepartments.Quality;
            Assert.Equal(department, scopes[nameof(EvidenceRecordType.ReviewForms)]);
            Assert.Equal(department, scopes[nameof(EvidenceRecordType.Complaints)]);
            Assert.Equal(department, scopes[nameof(EvidenceRecordType.Returns)]);
            Assert.Equal(department, scopes[nameof(EvidenceRecordType.TaskNoticeAcknowledgements)]);
            Assert.Equal(EvidenceManifest.WholeScope, scopes[nameof(EvidenceRecordType.Contracts)]);
            Assert.Equal(EvidenceManifest.WholeScope, scopes[nameof(EvidenceRecordType.SurveyResponses)]);
            Assert.Equal(EvidenceManifest.WholeScope, scopes[nameof(EvidenceRecordType.AuditEntries)]);
        }

        // Without the department the same month holds both departments' complaints and returns, and no scopes section.
        var (all, _, allCounts) = await BuiltPackAsync(client, from, to);
        using (all)
        {
            Assert.Equal((5, 5), (allCounts[nameof(EvidenceRecordType.Complaints)], allCounts[nameof(EvidenceRecordType.Returns)]));
            Assert.Empty(EvidenceManifest.ParseScopes(System.Text.Encoding.UTF8.GetString(await EntryBytesAsync(all.GetEntry(EvidenceManifest.FileName)!))));
        }
    }
}
