using System.Net;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21, the same gap elsewhere: a salesperson entering survey responses and follow-ups for a customer
/// someone else owns, by posting its id.</summary>
[Collection(AppCollection.Name)]
public sealed class CustomerSurveyOwnershipTests(AppFactory app)
{
    private static readonly KeyValuePair<string, string>[] Scores =
        [new("Quality", "1"), new("Delivery", "1"), new("Service", "1"), new("Price", "1"), new("Communication", "1")];

    [Fact]
    public async Task A_salesperson_cannot_enter_a_paper_response_or_a_follow_up_for_another_salespersons_customer()
    {
        var ownership = new CustomerOwnershipTests(app);
        var (customerId, _) = await ownership.CreateCustomerAsOwnerAsync();
        using var quality = app.CreateBrowserClient();
        await quality.SignInAsync("quality");
        var created = await quality.SubmitAsync("/Surveys/Create", [new("Name", "Ownership survey"), new("Year", "2026"), new("Quarter", "4"), new("CustomerIds", customerId.ToString())]);
        var campaignId = created.Location!.Split('/').Last();
        var (attackerName, _) = await ownership.CreateSalespersonAsync();
        using var attacker = app.CreateBrowserClient();
        await attacker.SignInAsync(attackerName);
        var token = await attacker.TokenFromAsync("/Surveys");

        var respond = await attacker.PostAsync($"/Surveys/Respond/{campaignId}", [new("CustomerId", customerId.ToString()), .. Scores], token);

        Assert.Equal(HttpStatusCode.Forbidden, respond.Status);
        Assert.False(await app.WithDbAsync(db => db.SurveyResponses.AnyAsync(r => r.CustomerId == customerId)));

        // The owner enters it; the other salesperson cannot set its follow-up.
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");
        var saved = await owner.PostAsync($"/Surveys/Respond/{campaignId}", [new("CustomerId", customerId.ToString()), .. Scores], await owner.TokenFromAsync("/Surveys"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var responseId = await app.WithDbAsync(db => db.SurveyResponses.Where(r => r.CustomerId == customerId).Select(r => r.Id).SingleAsync());

        var followUp = await attacker.PostAsync($"/Surveys/FollowUp?responseId={responseId}", [new("action", "Nothing to do"), new("status", nameof(FollowUpStatus.Done))], token);

        Assert.Equal(HttpStatusCode.Forbidden, followUp.Status);
        var stored = await app.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.Id == responseId));
        Assert.Null(stored.FollowUpAction);
    }
}
