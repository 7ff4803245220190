using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The raising department finds the resolution not enough and reopens the discrepancy.</summary>
public static class ReopenDiscrepancy
{
    public sealed class Input
    {
        public string Reason { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l) =>
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => l["Say why the resolution is not enough."]).MaxLength(Discrepancy.TextLength, l);
    }

    public sealed class Handler(AppDbContext db, ReviewAccess access, ReviewActs acts) : IUseCase
    {
        public async Task<Result> HandleAsync(Guid reviewId, Guid discrepancyId, string userId, Input input, CancellationToken cancellationToken)
        {
            var department = await DiscrepancyDepartment.OfAsync(db, access, reviewId, discrepancyId, userId, cancellationToken);
            if (!department.Succeeded)
            {
                return Result.Failure(department.Error!);
            }

            return await acts.RunAsync(reviewId, (review, _) => review.ReopenDiscrepancy(discrepancyId, department.Value!, input.Reason.Trim()), cancellationToken);
        }
    }
}
