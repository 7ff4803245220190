using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Delegations;

/// <summary>A department head lets a deputy sign the department's review sections for a date range
/// (<see cref="DepartmentDelegation"/>). Only the head of the department named gives it, to an active user other than themselves.</summary>
public static class GiveDelegation
{
    public sealed class Input
    {
        public string DepartmentCode { get; set; } = "";

        public string ToUserId { get; set; } = "";

        public DateOnly? StartsOn { get; set; }

        public DateOnly? EndsOn { get; set; }

        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.DepartmentCode).NotEmpty().WithMessage(_ => l["Choose the department."]).MaxLength(Department.CodeLength, l);
            RuleFor(x => x.ToUserId).NotEmpty().WithMessage(_ => l["Choose the deputy."]).MaxLength(InputLimits.UserIdLength, l);
            RuleFor(x => x.StartsOn).NotNull().WithMessage(_ => l["Enter the first day."]).InSaneWindow(clock, l);
            RuleFor(x => x.EndsOn).NotNull().WithMessage(_ => l["Enter the last day."]).InSaneWindow(clock, l);
            RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null && x.EndsOn is not null)
                .WithMessage(_ => l["The end date must not be before the start date."]);
            RuleFor(x => x.Note).MaximumLength(DepartmentDelegation.NoteLength).WithMessage(_ => l["The note is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public static readonly DomainError NotHead = DomainError.Forbidden("delegation.not-head", "Only the department's head delegates its signature.");
        public static readonly DomainError Self = new("delegation.self", "Choose someone other than yourself.");
        public static readonly DomainError NoDeputy = new("delegation.no-deputy", "Choose the deputy.");

        /// <summary>The active departments <paramref name="userId"/> heads (those they may delegate).</summary>
        public static Task<List<string>> HeadedDepartmentsAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
            db.Departments.AsNoTracking().Where(d => d.HeadUserId == userId && d.IsActive).Select(d => d.Code).ToListAsync(cancellationToken);

        public async Task<Result> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            if (!(await HeadedDepartmentsAsync(db, userId, cancellationToken)).Contains(input.DepartmentCode))
            {
                return NotHead;
            }

            if (input.ToUserId == userId)
            {
                return Self;
            }

            if (!await db.Users.AnyAsync(u => u.Id == input.ToUserId && u.IsActive, cancellationToken))
            {
                return NoDeputy;
            }

            db.DepartmentDelegations.Add(new DepartmentDelegation(input.DepartmentCode, userId, input.ToUserId, input.StartsOn!.Value, input.EndsOn!.Value, input.Note?.Trim()));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
    }
}
