using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Web.Infrastructure;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>Quality verifies a completed corrective action (docs/process.md §7). No input beyond the ids.</summary>
public static class VerifyCorrectiveAction
{
    public sealed class Handler(ComplaintAccess complaints, TimeProvider clock) : IUseCase
    {
        public Task<Result> HandleAsync(Guid complaintId, Guid actionId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            complaints.ChangeAsync(complaintId, user, (c, actor) => c.VerifyAction(actionId, actor.Name, clock.GetUtcNow().UtcDateTime, actor.DepartmentCode), cancellationToken);
    }
}
