using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Reviews;

/// <summary>The sales manager records the review meeting (date, attendees, minutes). A complete meeting-level review
/// then moves on to approval and the subject follows, in the same save.</summary>
public static class RecordMeeting
{
    public sealed class Input
    {
        public DateOnly? Date { get; set; }

        public string Attendees { get; set; } = "";

        public string Minutes { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.Date).NotNull().WithMessage(_ => l["Enter the meeting date."]).InSaneWindow(clock, l);
            RuleFor(x => x.Attendees).NotEmpty().WithMessage(_ => l["List the attendees."]).MaximumLength(Review.TextLength);
            RuleFor(x => x.Minutes).NotEmpty().WithMessage(_ => l["Record the minutes."]).MaximumLength(Review.TextLength);
        }
    }

    public sealed class Handler(ReviewActs acts) : IUseCase
    {
        public Task<Result> HandleAsync(Guid reviewId, Input input, CancellationToken cancellationToken) =>
            acts.RunAsync(reviewId, (review, _) => review.RecordMeeting(input.Date!.Value, input.Attendees.Trim(), input.Minutes.Trim()), cancellationToken);
    }
}
