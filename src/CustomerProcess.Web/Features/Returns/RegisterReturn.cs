using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Products;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Complaints;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Returns;

/// <summary>Returned goods are registered against a complaint (ComplaintId) or a contract (ContractNumber); quality inspects them next.</summary>
public static class RegisterReturn
{
    public sealed class Input
    {
        public Guid? ComplaintId { get; set; }

        public string? ContractNumber { get; set; }

        public string? ProductCode { get; set; }

        public decimal? Quantity { get; set; }

        public string Unit { get; set; } = "";

        /// <summary>Local (China) time the goods came back.</summary>
        public DateTime? ReceivedAt { get; set; }

        public string Description { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.ContractNumber).NotEmpty().When(x => x.ComplaintId is null).WithMessage(_ => l["Enter the contract number."])
                .MaxLength(Contract.NumberLength, l);
            RuleFor(x => x.ProductCode).MaxLength(Product.CodeLength, l);
            RuleFor(x => x.Quantity).NotNull().WithMessage(_ => l["The quantity must be above zero."])
                .GreaterThan(0).WithMessage(_ => l["The quantity must be above zero."]);
            RuleFor(x => x.Unit).NotEmpty().WithMessage(_ => l["Enter the unit."])
                .MaximumLength(ReturnRecord.UnitLength).WithMessage(_ => l["The unit is too long."]);
            RuleFor(x => x.ReceivedAt).NotNull().WithMessage(_ => l["Enter when the goods were received."]).InSaneWindow(clock, l);
            RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Describe the returned goods."])
                .MaximumLength(ReturnRecord.TextLength).WithMessage(_ => l["The description is too long."]);
        }
    }

    public sealed class Handler(AppDbContext db, ComplaintAccess access, TimeProvider clock) : IUseCase
    {
        public static readonly DomainError NoContract = new("return.contract", "There is no contract {0}.");
        public static readonly DomainError NoProduct = new("return.product", "No product has the code {0}.");

        /// <summary>For a return with a complaint: the complaint exists and the user sees it (checked before the form's messages).</summary>
        public async Task<Result> AuthorizeAsync(Guid complaintId, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            !await db.Complaints.AnyAsync(c => c.Id == complaintId, cancellationToken) ? ComplaintAccess.NotFound
            : !await access.VisibleComplaints(user).AnyAsync(c => c.Id == complaintId, cancellationToken) ? ComplaintAccess.NotVisible
            : Result.Success();

        public async Task<Result<Guid>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            if (input.ComplaintId is { } forComplaint)
            {
                var allowed = await AuthorizeAsync(forComplaint, user, cancellationToken);
                if (!allowed.Succeeded)
                {
                    return allowed.Error!;
                }
            }

            Guid? productId = null;
            if (!string.IsNullOrWhiteSpace(input.ProductCode))
            {
                var code = input.ProductCode.Trim().ToUpperInvariant();
                productId = await db.Products.Where(p => p.Code == code).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
                if (productId is null)
                {
                    return NoProduct.With(code);
                }
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var received = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(input.ReceivedAt!.Value, DateTimeKind.Unspecified), Formatting.DisplayZone);
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(cancellationToken);
            Result<ReturnRecord> created;
            if (input.ComplaintId is { } complaintId)
            {
                created = ReturnRecord.ForComplaint(complaintId, productId, input.Quantity!.Value, input.Unit.Trim(), received, input.Description.Trim(), userId, name, now);
            }
            else
            {
                var number = input.ContractNumber!.Trim().ToUpperInvariant();
                var contractId = await db.Contracts.Where(k => k.Number == number).Select(k => (Guid?)k.Id).FirstOrDefaultAsync(cancellationToken);
                if (contractId is null)
                {
                    return NoContract.With(number);
                }

                created = ReturnRecord.ForContract(contractId.Value, productId, input.Quantity!.Value, input.Unit.Trim(), received, input.Description.Trim(), userId, name, now);
            }

            if (!created.Succeeded)
            {
                return created.Error!;
            }

            db.Returns.Add(created.Value!);
            await db.SaveChangesAsync(cancellationToken);
            return Result<Guid>.Success(created.Value!.Id);
        }
    }
}
