using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>Quality closes a complaint once it is answered and every action is verified or waived (docs/process.md §7).</summary>
public static class CloseComplaint
{
    public sealed class Handler(ComplaintAccess complaints, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid complaintId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            complaints.ChangeAsync(complaintId, user, (c, actor) => c.Close(actor.Name, clock.GetUtcNow().UtcDateTime, actor.DepartmentCode), cancellationToken);
    }
}
