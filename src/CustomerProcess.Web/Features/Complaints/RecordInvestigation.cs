using System.Security.Claims;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Complaints;

/// <summary>Quality records the cause analysis and the responsible department (docs/process.md §7).</summary>
public static class RecordInvestigation
{
    public sealed class Input
    {
        public string CauseAnalysis { get; set; } = "";

        public CauseCategory? Category { get; set; }

        public string ResponsibleDepartment { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.CauseAnalysis).NotEmpty().WithMessage(_ => l["Record the cause analysis."]).MaximumLength(Complaint.TextLength);
            RuleFor(x => x.Category).NotNull().WithMessage(_ => l["Choose the category of cause."]);
            RuleFor(x => x.ResponsibleDepartment).NotEmpty().WithMessage(_ => l["Name the responsible department."]).MaxLength(Department.CodeLength, l);
        }
    }

    public sealed class Handler(ComplaintAccess complaints) : IUseCase
    {
        public Task<Result> HandleAsync(Guid complaintId, Input input, ClaimsPrincipal user, CancellationToken cancellationToken) =>
            complaints.ChangeAsync(complaintId, user, c => c.RecordInvestigation(input.CauseAnalysis.Trim(), input.Category!.Value, input.ResponsibleDepartment), cancellationToken);
    }
}
