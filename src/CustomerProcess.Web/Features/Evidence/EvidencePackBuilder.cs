using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Pdf;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Features.Ledger;
using CustomerProcess.Web.Features.Reviews;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Evidence;

/// <summary><c>EvidencePacks:*</c> settings.</summary>
public sealed class EvidencePackOptions
{
    /// <summary>Where the zips are written; a relative path is under the app's content root (next to the SQLite file).</summary>
    public string Folder { get; set; } = "evidence-packs";

    /// <summary>Runs the background worker in this process.</summary>
    public bool WorkerEnabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 5;

    /// <summary>How long the worker's lease lasts without renewal (renewed after every record).</summary>
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>Days a ready pack's zip stays on disk; then the worker removes the file and the row notes when.</summary>
    public int KeepDays { get; set; } = 7;

    public string FullFolder(IHostEnvironment environment) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Folder));
}

/// <summary>
/// Builds queued evidence packs (ADR 0042, docs/process.md §11): claims the oldest queued pack (its version refuses a
/// second claimer), then streams every record of the period into a zip on disk — one record loaded, rendered and written
/// at a time, its SHA-256 taken while it is written — and ends with manifest.csv. The pack's row carries the progress.
/// </summary>
public sealed class EvidencePackBuilder(
    AppDbContext db,
    IServiceProvider services,
    IOptions<EvidencePackOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<EvidencePackBuilder> logger)
{
    public const string LeaseName = "EvidencePacks";

    /// <summary>Builds every queued pack; the number built. <paramref name="stillOurs"/> renews the worker's lease (false: stop).</summary>
    public async Task<int> BuildQueuedAsync(Func<CancellationToken, Task<bool>>? stillOurs, CancellationToken cancellationToken)
    {
        var built = 0;
        while (await ClaimNextAsync(cancellationToken) is { } pack)
        {
            await BuildAsync(pack, stillOurs, cancellationToken);
            built++;
        }

        return built;
    }

    /// <summary>Removes the zips of ready packs kept <see cref="EvidencePackOptions.KeepDays"/> days or longer; each row
    /// stays, with the time its file was removed. The number removed.</summary>
    public async Task<int> RemoveExpiredFilesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var keepDays = Math.Max(0, options.Value.KeepDays);
        var finishedBefore = now.AddDays(-keepDays);
        db.ChangeTracker.Clear();
        var expired = await db.EvidencePacks
            .Where(p => p.Status == EvidencePackStatus.Ready && p.FileRemovedAtUtc == null && p.FinishedAtUtc <= finishedBefore)
            .ToListAsync(cancellationToken);
        var folder = options.Value.FullFolder(environment);
        var removed = 0;
        foreach (var pack in expired)
        {
            if (!pack.FileExpired(now, keepDays) || !pack.FileRemoved(now).Succeeded)
            {
                continue;
            }

            if (pack.FileName is { } name)
            {
                File.Delete(Path.Combine(folder, name)); // a file already gone is no error
            }

            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Evidence pack {Pack}: file removed after {Days} days", pack.Id, keepDays);
            removed++;
        }

        return removed;
    }

    private async Task<EvidencePack?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            db.ChangeTracker.Clear();
            var pack = await db.EvidencePacks.Where(p => p.Status == EvidencePackStatus.Queued).OrderBy(p => p.RequestedAtUtc).FirstOrDefaultAsync(cancellationToken);
            if (pack is null)
            {
                return null;
            }

            var started = pack.Start(0, clock.GetUtcNow().UtcDateTime);
            if (!started.Succeeded)
            {
                return null;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return pack;
            }
            catch (DbUpdateConcurrencyException)
            {
                // another worker claimed it first; look for the next one
            }
        }
    }

    private async Task BuildAsync(EvidencePack pack, Func<CancellationToken, Task<bool>>? stillOurs, CancellationToken cancellationToken)
    {
        var folder = options.Value.FullFolder(environment);
        Directory.CreateDirectory(folder);
        var fileName = $"evidence-{pack.Id:N}.zip";
        var temporary = Path.Combine(folder, fileName + ".part");
        var culture = CultureInfo.GetCultureInfo(string.IsNullOrEmpty(pack.Culture) ? "zh-CN" : pack.Culture);
        var (previousCulture, previousUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            string manifestHash;
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                manifestHash = await WriteZipAsync(pack, file, stillOurs, cancellationToken);
            }

            var final = Path.Combine(folder, fileName);
            File.Move(temporary, final, overwrite: true);
            await FinishAsync(pack.Id, p => p.Complete(fileName, new FileInfo(final).Length, manifestHash, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Evidence pack {Pack} failed", pack.Id);
            TryDelete(temporary);
            await FinishAsync(pack.Id, p => p.Fail(e.GetType().Name + ": " + e.Message, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    private async Task FinishAsync(Guid packId, Func<EvidencePack, Domain.Common.Result> act, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var pack = await db.EvidencePacks.FirstAsync(p => p.Id == packId, cancellationToken);
        if (act(pack).Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // a half-written .part file is overwritten by the next try
        }
    }

    private async Task<string> WriteZipAsync(EvidencePack pack, Stream file, Func<CancellationToken, Task<bool>>? stillOurs, CancellationToken cancellationToken)
    {
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var period = EvidencePeriod.Of(pack);
        var reader = Reader(pack.RequestedByUserId);
        var source = new EvidenceSource(db, pack, period);

        // Counts for the progress bar only; the records themselves are streamed below, never held in a list.
        var total = await source.ReviewIds().CountAsync(cancellationToken) + await source.ComplaintIds().CountAsync(cancellationToken) + 5;
        await db.EvidencePacks.Where(p => p.Id == pack.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Total, total), cancellationToken);
        var done = 0;
        async Task StepAsync()
        {
            done++;
            await db.EvidencePacks.Where(p => p.Id == pack.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Done, done), cancellationToken);
            if (stillOurs is not null && !await stillOurs(cancellationToken))
            {
                throw new InvalidOperationException("The worker lost its lease; the pack is built again by the next holder.");
            }
        }

        var manifest = new EvidenceManifest();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (pack.DepartmentCode is { } department)
        {
            manifest.ScopeTo(department, EvidenceSource.Departmental);
        }
        using var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);

        // The ids are read from a second context (its own connection, so no provider needs several open readers on one),
        // AsNoTracking and ordered by number, one at a time: each review is loaded, rendered, written and released before
        // the next id is read.
        await using var streamScope = services.CreateAsyncScope();
        var streamDb = streamScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var streamSource = new EvidenceSource(streamDb, pack, period);

        // Review forms: one review loaded, rendered and written at a time.
        var reviewQueries = services.GetRequiredService<ReviewQueries>();
        var reviewForm = services.GetRequiredService<ReviewFormDocument>();
        await foreach (var id in streamSource.ReviewIds().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            db.ChangeTracker.Clear();
            var model = await reviewQueries.DetailsAsync(id, reader, cancellationToken);
            if (model is not null && (pack.CustomerId is null || model.Customer?.Id == pack.CustomerId))
            {
                var path = UniquePath(paths, $"reviews/review-{EvidenceManifest.Segment(model.Subject.Number)}", ".pdf");
                var form = model.Review.DisposalId is { } reviewDisposal
                    ? await DisposedNoticeAsync(Tenders.TenderReviewForms.PaperTitle(model.Subject.Kind), model.Subject.Number, reviewDisposal, model.Review.DisposedAtUtc, l, cancellationToken)
                    : reviewForm.Render(model);
                await WriteBytesAsync(zip, manifest, path, form, cancellationToken);
                manifest.Count(EvidenceRecordType.ReviewForms);
            }

            await StepAsync();
        }

        // The contract ledger extract: the ledger's own query and export for the period (signed on From..To), its rows
        // streamed by LedgerExport.WriteTo into a temporary file (the workbook writer needs a seekable stream), which is
        // then copied into the zip entry through the hashing stream.
        var ledger = services.GetRequiredService<LedgerQuery>();
        var export = services.GetRequiredService<LedgerExport>();
        var filter = new LedgerFilter { From = pack.From, To = pack.To };
        var filtered = await ledger.FilteredAsync(filter, reader, period.Today, cancellationToken);
        if (pack.CustomerId is { } customerId)
        {
            filtered = filtered.Where(c => c.CustomerId == customerId);
        }

        await using (var workbook = new FileStream(
            Path.Combine(Path.GetTempPath(), $"evidence-ledger-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose))
        {
            var contracts = export.WriteTo(workbook, ledger.Rows(filtered, filter).AsNoTracking().AsEnumerable(), period.Today);
            workbook.Position = 0;
            await WriteStreamAsync(zip, manifest, "ledger/contract-ledger.xlsx", workbook, cancellationToken);
            manifest.Count(EvidenceRecordType.Contracts, contracts);
        }

        await StepAsync();

        // Complaints with their feedback sheets.
        var renderer = services.GetRequiredService<IPdfRenderer>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var departments = await services.GetRequiredService<DepartmentNames>().AllAsync(cancellationToken);
        var window = services.GetRequiredService<IOptions<ComplaintOptions>>().Value.AnswerWindow;
        await foreach (var id in streamSource.ComplaintIds().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var model = await source.ComplaintAsync(id, departments, window, clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (model is not null)
            {
                var path = UniquePath(paths, $"complaints/feedback-{EvidenceManifest.Segment(model.Complaint.Number)}", ".pdf");
                var sheet = model.Complaint.DisposalId is { } complaintDisposal
                    ? await DisposedNoticeAsync("顾客信息反馈处理单 / Customer Feedback Handling Sheet", model.Complaint.Number, complaintDisposal, model.Complaint.DisposedAtUtc, l, cancellationToken)
                    : renderer.Render(FeedbackSheet.Build(model, l, configuration));
                await WriteBytesAsync(zip, manifest, path, sheet, cancellationToken);
                manifest.Count(EvidenceRecordType.Complaints);
            }

            await StepAsync();
        }

        manifest.Count(EvidenceRecordType.Returns, await WriteCsvAsync(zip, manifest, "returns/returns.csv", w => source.WriteReturnsAsync(w, l, cancellationToken), cancellationToken));
        await StepAsync();
        manifest.Count(EvidenceRecordType.TaskNoticeAcknowledgements, await WriteCsvAsync(zip, manifest, "notices/acknowledgements.csv", w => source.WriteAcknowledgementsAsync(w, l, departments, cancellationToken), cancellationToken));
        await StepAsync();
        manifest.Count(EvidenceRecordType.SurveyResponses, await WriteCsvAsync(zip, manifest, "surveys/responses.csv", w => source.WriteSurveyResponsesAsync(w, l, cancellationToken), cancellationToken));
        await StepAsync();
        manifest.Count(EvidenceRecordType.AuditEntries, await WriteCsvAsync(zip, manifest, "audit/audit-log.csv", w => source.WriteAuditLogAsync(w, cancellationToken), cancellationToken));
        await StepAsync();

        var manifestBytes = manifest.ToBytes();
        var entry = zip.CreateEntry(EvidenceManifest.FileName, CompressionLevel.Optimal);
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            await stream.WriteAsync(manifestBytes, cancellationToken);
        }

        return EvidenceManifest.Sha256Hex(manifestBytes);
    }

    /// <summary>
    /// The one rule for a disposed record (ADR 0042 amendment, ADR 0041): it stays in the pack under its own number,
    /// with "disposed (XH-…)" in place of its texts. A review or complaint gets a one-page PDF at the path its form would
    /// have had, saying so (never a blanked form that looks real); survey responses carry the same words in their text
    /// columns (<see cref="EvidenceSource.Disposed"/>); a disposed contract's ledger row keeps its facts (they are not blanked).
    /// </summary>
    private async Task<byte[]> DisposedNoticeAsync(string title, string number, Guid disposalId, DateTime? disposedAtUtc, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var disposal = await db.DisposalRecords.AsNoTracking().Where(d => d.Id == disposalId).Select(d => d.Number).FirstOrDefaultAsync(cancellationToken);
        var text = EvidenceSource.Disposed(l, disposal);
        return services.GetRequiredService<IPdfRenderer>().Render(new PdfDocumentModel(title, number + " — " + text,
        [
            new PdfFields([new PdfField(l["Number"], number), new PdfField(l["Status"], text)]),
            new PdfParagraph(l["Disposed of on {0} after its retention period: its texts were blanked. The disposal record keeps what was disposed of and who approved it.",
                disposedAtUtc is { } at ? Formatting.LocalTime(at) : "—"]),
        ], "CustomerProcess · " + number + " · " + text));
    }

    /// <summary>Who the pack's queries read as: the requester, with the general manager's reach (the pack holds the
    /// whole period; only quality and the GM may ask for one).</summary>
    private static ClaimsPrincipal Reader(string userId) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, Roles.GeneralManager)], "EvidencePack"));

    private static string UniquePath(HashSet<string> paths, string stem, string extension)
    {
        var path = stem + extension;
        for (var n = 2; !paths.Add(path); n++)
        {
            path = $"{stem}-{n}{extension}";
        }

        return path;
    }

    private static async Task WriteBytesAsync(ZipArchive zip, EvidenceManifest manifest, string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using (var stream = await entry.OpenAsync(cancellationToken))
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }

        manifest.AddFile(path, EvidenceManifest.Sha256Hex(bytes), bytes.LongLength);
    }

    /// <summary>An entry copied from <paramref name="content"/> through a hashing stream (SHA-256 and size while writing).</summary>
    private static async Task WriteStreamAsync(ZipArchive zip, EvidenceManifest manifest, string path, Stream content, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        string hash;
        long size;
        await using (var stream = await entry.OpenAsync(cancellationToken))
        await using (var hashing = new HashingStream(stream))
        {
            await content.CopyToAsync(hashing, 64 * 1024, cancellationToken);
            (hash, size) = (hashing.HashHex(), hashing.Length);
        }

        manifest.AddFile(path, hash, size);
    }

    /// <summary>A CSV entry written row by row through a hashing stream (UTF-8 with BOM, so Excel reads the Chinese).</summary>
    private static async Task<int> WriteCsvAsync(ZipArchive zip, EvidenceManifest manifest, string path, Func<TextWriter, Task<int>> write, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        int rows;
        string hash;
        long size;
        await using (var stream = await entry.OpenAsync(cancellationToken))
        await using (var hashing = new HashingStream(stream))
        {
            await using (var writer = new StreamWriter(hashing, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" })
            {
                rows = await write(writer);
            }

            (hash, size) = (hashing.HashHex(), hashing.Length);
        }

        manifest.AddFile(path, hash, size);
        return rows;
    }
}

/// <summary>A write-only stream that passes bytes on and keeps their SHA-256 and count.</summary>
public sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _length += buffer.Length;
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        _length += buffer.Length;
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
