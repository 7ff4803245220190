using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.History;

/// <summary>The history page's filter (query string): a period of China-time days and one person.</summary>
public static class HistoryFilter
{
    /// <summary>An Identity user id is at most this long (its column).</summary>
    public const int PersonLength = 450;

    public sealed class Input
    {
        public DateOnly? From { get; set; }

        public DateOnly? To { get; set; }

        /// <summary>The user id of the person who made the changes.</summary>
        public string? Person { get; set; }

        public bool IsEmpty => From is null && To is null && string.IsNullOrEmpty(Person);
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l, TimeProvider clock)
        {
            RuleFor(x => x.From).InSaneWindow(clock, l);
            RuleFor(x => x.To).InSaneWindow(clock, l);
            RuleFor(x => x.Person).MaxLength(PersonLength, l);
        }
    }
}
