using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Features.Evidence;

/// <summary>Downloads a ready evidence pack; every download is logged (who, when, which pack) before the file is sent.</summary>
public static class DownloadEvidencePack
{
    public sealed record PackFile(string Path, string DownloadName);

    public sealed class Handler(AppDbContext db, TimeProvider clock, IOptions<EvidencePackOptions> options, IHostEnvironment environment) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("evidence.not-found", "The evidence pack does not exist.");
        public static readonly DomainError NotReady = DomainError.Conflict("evidence.not-ready", "The evidence pack is not ready yet.");
        public static readonly DomainError FileRemoved = DomainError.Conflict("evidence.file-removed", "The pack's file was removed on {0} after its keeping time; the record of the pack stays. Request a new pack for the period.");
        public static readonly DomainError FileMissing = DomainError.NotFound("evidence.file-missing", "The evidence pack's file is missing; request the pack again.");

        public async Task<Result<PackFile>> HandleAsync(Guid packId, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var pack = await db.EvidencePacks.AsNoTracking().FirstOrDefaultAsync(p => p.Id == packId, cancellationToken);
            if (pack is null)
            {
                return NotFound;
            }

            if (pack.Status != EvidencePackStatus.Ready || pack.FileName is null)
            {
                return NotReady;
            }

            if (pack.FileRemovedAtUtc is { } removed)
            {
                return FileRemoved.With(Formatting.LocalTime(removed));
            }

            var path = Path.Combine(options.Value.FullFolder(environment), pack.FileName);
            if (!File.Exists(path))
            {
                return FileMissing;
            }

            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            db.EvidencePackDownloads.Add(new EvidencePackDownload(pack.Id, userId, userName, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
            return Result<PackFile>.Success(new PackFile(path, $"evidence-{pack.From:yyyyMMdd}-{pack.To:yyyyMMdd}.zip"));
        }
    }
}
