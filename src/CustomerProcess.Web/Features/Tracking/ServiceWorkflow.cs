using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>技术服务通知单 and the site records (施工现场记录) the technical service team keeps on it.</summary>
public sealed class ServiceWorkflow(AppDbContext db, DocumentNumbers numbers, TimeProvider clock)
{
    public const string Prefix = "JF";

    public static readonly DomainError NotFound = new("service.not-found", "The service notice does not exist.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ServiceNotice?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.ServiceNotices.Include("_records").FirstOrDefaultAsync(n => n.Id == id, cancellationToken);

    public Task<Result<ServiceNotice>> IssueAsync(Guid contractId, string site, string request, DateOnly? requiredBy, string byName, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var contract = await db.Contracts.FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken);
            if (contract is null)
            {
                return Result<ServiceNotice>.Failure(ContractTracking.NotFound);
            }

            var executing = contract.MustBeExecuting();
            if (!executing.Succeeded)
            {
                return Result<ServiceNotice>.Failure(executing.Error!);
            }

            var number = await numbers.NextAsync(Prefix, Now.Year, cancellationToken);
            var notice = new ServiceNotice(number, contractId, site, request, requiredBy, byName, Now);
            db.ServiceNotices.Add(notice);
            await db.SaveChangesAsync(cancellationToken);
            return Result<ServiceNotice>.Success(notice);
        });

    public Task<Result> AddSiteRecordAsync(Guid id, DateOnly visitedOn, string problem, string treatment, string result, string byName, CancellationToken cancellationToken) =>
        Change(id, n => n.AddSiteRecord(visitedOn, problem, treatment, result, byName, Now) is { Succeeded: false } r ? r.Error! : Result.Success(), cancellationToken);

    public Task<Result> CloseAsync(Guid id, string outcome, string byName, CancellationToken cancellationToken) =>
        Change(id, n => n.Close(outcome, byName, Now), cancellationToken);

    private Task<Result> Change(Guid id, Func<ServiceNotice, Result> change, CancellationToken cancellationToken) =>
        ConcurrencyRetry.RunAsync(db, async () =>
        {
            var notice = await FindAsync(id, cancellationToken);
            if (notice is null)
            {
                return Result.Failure(NotFound);
            }

            var result = change(notice);
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return result;
        });
}
