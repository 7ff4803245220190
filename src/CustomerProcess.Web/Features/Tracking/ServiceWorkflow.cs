using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Tracking;

/// <summary>Reads 技术服务通知单 with their site records (施工现场记录). The changes are use cases in
/// Features/ServiceNotices (IssueServiceNotice, AddSiteRecord, CloseServiceNotice).</summary>
public sealed class ServiceWorkflow(AppDbContext db)
{
    public const string Prefix = "JF";

    public Task<ServiceNotice?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.ServiceNotices.Include("_records").FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
}
