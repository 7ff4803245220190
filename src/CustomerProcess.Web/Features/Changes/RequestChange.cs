using System.Security.Claims;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Features.Tracking;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Changes;

/// <summary>A contract change is recorded (docs/process.md §6): what, why, who asked, the customer's written
/// confirmation (with its scan kept among the contract's files), the kind, and the changed lines.</summary>
public static class RequestChange
{
    public const string ChangePrefix = "BG";

    private const string ConfirmationNote = "customer's written confirmation / 客户书面确认";

    public sealed class Input
    {
        public Guid ContractId { get; set; }

        public ChangeKind? Kind { get; set; }

        public ChangeParty RequestedBy { get; set; } = ChangeParty.Customer;

        public string RequesterName { get; set; } = "";

        public string What { get; set; } = "";

        public string Why { get; set; } = "";

        public string CustomerConfirmation { get; set; } = "";

        public IFormFile? ConfirmationFile { get; set; }

        public List<LineInput> Lines { get; set; } = [];
    }

    public sealed class LineInput
    {
        public int LineNo { get; set; }

        public string? Description { get; set; }

        public string? Specification { get; set; }

        public decimal? Quantity { get; set; }

        public decimal? UnitPrice { get; set; }

        public DateOnly? DeliveryDate { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Kind).NotNull().WithMessage(_ => l["Classify the change."]).IsInEnum();
            RuleFor(x => x.RequestedBy).IsInEnum();
            RuleFor(x => x.RequesterName).NotEmpty().WithMessage(_ => l["Enter who asked for the change."])
                .MaximumLength(ContractChange.NameLength).WithMessage(_ => l["The name is too long."]);
            RuleFor(x => x.What).NotEmpty().WithMessage(_ => l["Describe what changes."]).MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.Why).NotEmpty().WithMessage(_ => l["Give the reason for the change."]).MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.CustomerConfirmation).NotEmpty().WithMessage(_ => l["Record the customer's written confirmation of the change."])
                .MaximumLength(ContractChange.TextLength).WithMessage(_ => l["The text is too long."]);
            RuleFor(x => x.Lines).Must(lines => lines.Count <= 500).WithMessage(_ => l["Too many lines."]);
            RuleForEach(x => x.Lines).ChildRules(line =>
            {
                line.RuleFor(x => x.Description).NotEmpty().WithMessage(_ => l["Every line needs its item description."])
                    .MaximumLength(ContractLine.DescriptionLength).WithMessage(_ => l["The item description is too long."]);
                line.RuleFor(x => x.Specification).MaximumLength(ContractLine.SpecificationLength).WithMessage(_ => l["The specification is too long."]);
                line.RuleFor(x => x.Quantity).NotNull().GreaterThan(0).LessThan(1_000_000_000m).WithMessage(_ => l["The quantity must be above zero."]);
                line.RuleFor(x => x.UnitPrice).NotNull().GreaterThanOrEqualTo(0).LessThan(100_000_000_000m).WithMessage(_ => l["The unit price cannot be negative."]);
                line.RuleFor(x => x.DeliveryDate).NotNull().WithMessage(_ => l["Every line needs a delivery date."]).InSaneWindow(clock, l);
            });
        }
    }

    public sealed class Handler(AppDbContext db, ContractTracking tracking, DocumentNumbers numbers, TimeProvider clock) : IUseCase
    {
        /// <summary>The contract exists (→ NotFound) and the user is the order's salesperson, administers contracts or
        /// decides changes (→ Forbidden): checked before the form's own messages.</summary>
        public async Task<Result> AuthorizeAsync(Guid contractId, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var salesUserId = await (from c in db.Contracts join o in db.SalesOrders on c.OrderId equals o.Id where c.Id == contractId select o.SalesUserId).FirstOrDefaultAsync(cancellationToken);
            return salesUserId is null ? ContractTracking.NotFound
                : !TrackingAccess.CanTalkToCustomer(user, salesUserId) && !TrackingAccess.CanDecideChanges(user) ? TrackingAccess.NotAllowed
                : Result.Success();
        }

        public async Task<Result<ContractChange>> HandleAsync(Input input, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var allowed = await AuthorizeAsync(input.ContractId, user, cancellationToken);
            if (!allowed.Succeeded)
            {
                return allowed.Error!;
            }

            // Too large: refused before a byte is read; otherwise the attachment rules decide (type by extension and content).
            byte[]? confirmation = null;
            if (input.ConfirmationFile is { Length: > 0 } file)
            {
                if (file.Length > Attachment.MaxBytes)
                {
                    return Attachment.TooLarge.With(Attachment.MaxBytes / (1024 * 1024));
                }

                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                confirmation = buffer.ToArray();
            }

            var userId = TrackingAccess.UserId(user);
            var userName = await tracking.NameOfAsync(userId, cancellationToken);
            return await ConcurrencyRetry.RunAsync(db, async () =>
            {
                var contract = await tracking.LoadAsync(input.ContractId, cancellationToken);
                if (contract is null)
                {
                    return Result<ContractChange>.Failure(ContractTracking.NotFound);
                }

                var now = clock.GetUtcNow().UtcDateTime;
                var number = await numbers.NextAsync(ChangePrefix, now.Year, cancellationToken);
                // The scan of the customer's confirmation is kept with the contract's files.
                Attachment? attachment = null;
                if (confirmation is not null)
                {
                    var created = Attachment.Create(AttachmentOwner.Contract, contract.Id, input.ConfirmationFile!.FileName, confirmation, $"{number}: {ConfirmationNote}", userName, now);
                    if (!created.Succeeded)
                    {
                        return Result<ContractChange>.Failure(created.Error!);
                    }

                    attachment = created.Value!;
                    db.Attachments.Add(attachment);
                }

                var change = ContractChange.Request(
                    number, contract, input.Kind!.Value, input.RequestedBy, input.RequesterName.Trim(), input.What.Trim(), input.Why.Trim(),
                    input.CustomerConfirmation.Trim(), attachment?.Id, ProposedLines(contract, input.Lines), userId, userName, now);
                if (change.Succeeded)
                {
                    db.ContractChanges.Add(change.Value!);
                    await db.SaveChangesAsync(cancellationToken);
                }

                return change;
            });
        }

        /// <summary>The contract's lines with what the form changed on each (a line the form did not post stays as it is).</summary>
        private static List<ContractLineData> ProposedLines(Contract contract, IReadOnlyList<LineInput> posted) =>
            contract.Lines.Select(c => posted.FirstOrDefault(p => p.LineNo == c.LineNo) is { } p
                ? c.ToData() with
                {
                    Description = p.Description?.Trim() ?? c.Description,
                    Specification = string.IsNullOrWhiteSpace(p.Specification) ? null : p.Specification.Trim(),
                    Quantity = p.Quantity ?? c.Quantity,
                    UnitPrice = p.UnitPrice ?? c.UnitPrice,
                    DeliveryDate = p.DeliveryDate,
                }
                : c.ToData()).ToList();
    }
}
