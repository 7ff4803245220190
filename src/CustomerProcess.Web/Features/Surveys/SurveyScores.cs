using CustomerProcess.Domain.Surveys;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Surveys;

/// <summary>The questionnaire's answers as a form posts them: the five scores and the comments. The customer's own
/// answer through the link (<c>SubmitSurvey</c>) and a paper form entered by staff (<c>RecordPaperResponse</c>) post the same.</summary>
public abstract class SurveyScoresInput
{
    public int Quality { get; set; }

    public int Delivery { get; set; }

    public int Service { get; set; }

    public int Price { get; set; }

    public int Communication { get; set; }

    public string? Comments { get; set; }

    public IReadOnlyDictionary<SurveyDimension, int> Scores => SurveyAccess.Scores(Quality, Delivery, Service, Price, Communication);
}

/// <summary>The rules of <see cref="SurveyScoresInput"/> (the scores' range is the domain's: <c>SurveyResponse</c>).</summary>
public abstract class SurveyScoresValidator<T> : AbstractValidator<T>
    where T : SurveyScoresInput
{
    protected SurveyScoresValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Comments).MaximumLength(SurveyResponse.TextLength).WithMessage(_ => l["The comments are too long."]);
}
