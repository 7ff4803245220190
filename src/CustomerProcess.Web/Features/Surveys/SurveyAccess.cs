using System.Security.Claims;
using CustomerProcess.Domain.Security;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Features.Surveys;

/// <summary>Shared by the survey use cases: who may act for a customer, and the five scores of a form.</summary>
public static class SurveyAccess
{
    /// <summary>Responses and follow-ups of a customer are entered by quality, the sales manager and the general
    /// manager, and by a salesperson only for a customer they own (issue #21).</summary>
    public static async Task<bool> MayActForAsync(AppDbContext db, ClaimsPrincipal user, Guid customerId, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.QualityStaff) || user.IsInRole(Roles.QualityHead) || user.IsInRole(Roles.SalesManager) || user.IsInRole(Roles.GeneralManager))
        {
            return true;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return userId is not null && await db.Customers.AnyAsync(c => c.Id == customerId && c.OwnerUserId == userId, cancellationToken);
    }

    public static IReadOnlyDictionary<SurveyDimension, int> Scores(int quality, int delivery, int service, int price, int communication) =>
        new Dictionary<SurveyDimension, int>
        {
            [SurveyDimension.Quality] = quality,
            [SurveyDimension.Delivery] = delivery,
            [SurveyDimension.Service] = service,
            [SurveyDimension.Price] = price,
            [SurveyDimension.Communication] = communication,
        };
}
