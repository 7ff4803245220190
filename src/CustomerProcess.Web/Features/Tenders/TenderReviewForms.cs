using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Web.Features.Tenders;

/// <summary>The title of a review form by its subject: a tender's go/no-go and bid reviews print under their own
/// names (投标决策评审表 / 投标评审表), an order or change under the contract review form's.</summary>
public static class TenderReviewForms
{
    public static string TitleKey(ReviewSubjectKind kind) => kind switch
    {
        ReviewSubjectKind.TenderInvitation => "Tender go/no-go review form",
        ReviewSubjectKind.Bid => "Bid review form",
        ReviewSubjectKind.SalesOrder or ReviewSubjectKind.ContractChange => "Contract / product requirements review form",
    };

    public static string PaperTitle(ReviewSubjectKind kind) => kind switch
    {
        ReviewSubjectKind.TenderInvitation => "投标决策评审表 / Tender Go/No-Go Review Form",
        ReviewSubjectKind.Bid => "投标评审表 / Bid Review Form",
        ReviewSubjectKind.SalesOrder or ReviewSubjectKind.ContractChange => "合同评审表 / Contract Review Form",
    };
}
