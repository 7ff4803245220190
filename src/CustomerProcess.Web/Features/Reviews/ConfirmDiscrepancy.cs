using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The raising department confirms the resolution. When that was the last open point the review moves on
/// (to approval) and the subject follows, in the same save.</summary>
public static class ConfirmDiscrepancy
{
    public sealed class Handler(AppDbContext db, ReviewAccess access, ReviewActs acts) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid reviewId, Guid discrepancyId, string userId, CancellationToken cancellationToken)
        {
            var department = await DiscrepancyDepartment.OfAsync(db, access, reviewId, discrepancyId, userId, cancellationToken);
            if (!department.Succeeded)
            {
                return Result.Failure(department.Error!);
            }

            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            return await acts.RunAsync(reviewId, (review, _) => review.ConfirmDiscrepancy(discrepancyId, department.Value!, name, acts.Now), cancellationToken);
        }
    }
}

/// <summary>The department that raised a discrepancy, if the user acts for it.</summary>
public static class DiscrepancyDepartment
{
    public static readonly DomainError NotRaiser = DomainError.Forbidden("review.not-raiser-user", "Only the department that raised the discrepancy can confirm or reopen it.");

    public static async Task<Result<string>> OfAsync(AppDbContext db, ReviewAccess access, Guid reviewId, Guid discrepancyId, string userId, CancellationToken cancellationToken)
    {
        var department = await db.Discrepancies.Where(d => d.Id == discrepancyId && d.ReviewId == reviewId).Select(d => d.DepartmentCode).FirstOrDefaultAsync(cancellationToken);
        if (department is null)
        {
            return Result<string>.Failure(Review.NoSuchDiscrepancy);
        }

        return (await access.SignableDepartmentsAsync(userId, cancellationToken)).Contains(department)
            ? Result<string>.Success(department)
            : Result<string>.Failure(NotRaiser);
    }
}
