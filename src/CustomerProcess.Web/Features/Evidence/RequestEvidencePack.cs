using System.Globalization;
using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Evidence;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Evidence;

/// <summary>Quality or the GM asks for the evidence pack of a period (docs/process.md §11): a queued pack that the
/// background worker builds (ADR 0042).</summary>
public static class RequestEvidencePack
{
    public sealed class Input
    {
        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        /// <summary>Optional: only this customer's records.</summary>
        public string? CustomerCode { get; set; }

        /// <summary>Optional: only this department's reviews, complaints and acknowledgements.</summary>
        public string? Department { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.From).NotNull().WithMessage(_ => l["Enter the first day of the period."]).InSaneWindow(clock, l);
            RuleFor(x => x.To).NotNull().WithMessage(_ => l["Enter the last day of the period."]).InSaneWindow(clock, l);
            RuleFor(x => x.CustomerCode).MaxLength(Customer.CodeLength, l);
            RuleFor(x => x.Department).MaxLength(Department.CodeLength, l);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError UnknownCustomer = new("evidence.unknown-customer", "No customer has the code {0}.");
        public static readonly DomainError UnknownDepartment = new("evidence.unknown-department", "No department has the code {0}.");

        public async Task<Result<Guid>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            Guid? customerId = null;
            if (!string.IsNullOrWhiteSpace(input.CustomerCode))
            {
                var code = input.CustomerCode.Trim().ToUpperInvariant();
                customerId = await db.Customers.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
                if (customerId is null)
                {
                    return UnknownCustomer.With(code);
                }
            }

            var department = string.IsNullOrWhiteSpace(input.Department) ? null : input.Department.Trim();
            if (department is not null && !await db.Departments.AnyAsync(d => d.Code == department, cancellationToken))
            {
                return UnknownDepartment.With(department);
            }

            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            var requested = EvidencePack.Request(
                input.From!.Value, input.To!.Value, customerId, department, CultureInfo.CurrentUICulture.Name, userId, userName, clock.GetUtcNow().UtcDateTime);
            if (!requested.Succeeded)
            {
                return requested.Error!;
            }

            db.EvidencePacks.Add(requested.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Guid>.Success(requested.Value!.Id);
        }
    }
}
