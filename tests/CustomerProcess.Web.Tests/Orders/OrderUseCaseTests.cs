using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Security;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Orders;

/// <summary>Order capture as use cases (issue #15): <c>CreateOrder</c>, <c>UpdateDraftOrder</c> and
/// <c>ConfirmOralOrder</c> through their real forms — the validator's messages, the refusals of another
/// salesperson, and what the database holds afterwards.</summary>
[Collection(SecurityCollection.Name)]
public sealed class OrderUseCaseTests(RouteMatrixFixture fixture)
{
    private const string Owner = "sales";
    private const string Other = RouteMatrixFixture.SecondSalesperson;

    private static void AssertRefused(BrowserLikeClient.Page page, string what) =>
        Assert.True(page.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{what}: expected 403 or 404, got {(int)page.Status} {page.Location}");

    private async Task<string> CustomerAsync() => await new ReviewDriver(fixture.App).CustomerAsync(CustomerClass.Regular);

    private async Task<(Guid Id, string Customer)> DraftAsync(string channel = "PurchaseOrder")
    {
        var customer = await CustomerAsync();
        var owner = await fixture.AsAsync(Owner);
        var saved = await owner.SubmitAsync("/Orders/Create", ReviewDriver.OrderForm(customer, 2, 1_000m, channel: channel, command: "save"));
        Assert.True(saved.Status == HttpStatusCode.Redirect, "Draft not saved: " + saved.ErrorText);
        return (Guid.Parse(saved.Location!.Split('/').Last()), customer);
    }

    private Task<SalesOrder> OrderAsync(Guid id) =>
        fixture.App.WithDbAsync(db => db.SalesOrders.AsNoTracking().Include("_lines").SingleAsync(o => o.Id == id));

    [Fact]
    public async Task A_new_order_with_a_negative_quantity_shows_the_validators_message_and_stores_nothing()
    {
        var customer = await CustomerAsync();
        var owner = await fixture.AsAsync(Owner);

        var result = await owner.SubmitAsync("/Orders/Create", ReviewDriver.OrderForm(customer, -5, 100m, command: "save"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The quantity must be above zero.", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await fixture.App.WithDbAsync(db => db.SalesOrders.AnyAsync(o => db.Customers.Any(c => c.Id == o.CustomerId && c.Code == customer))));
    }

    [Fact]
    public async Task A_new_order_for_an_unknown_customer_shows_the_form_again_with_the_message_and_stores_nothing()
    {
        var owner = await fixture.AsAsync(Owner);
        var before = await fixture.App.WithDbAsync(db => db.SalesOrders.CountAsync());

        var result = await owner.SubmitAsync("/Orders/Create", ReviewDriver.OrderForm("NO-SUCH-CODE", 1, 100m, command: "save"));

        Assert.True(result.Status is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"got {(int)result.Status}");
        Assert.Contains("No active customer has the code NO-SUCH-CODE.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.App.WithDbAsync(db => db.SalesOrders.CountAsync()));
    }

    [Fact]
    public async Task A_draft_edit_with_an_overlong_unit_shows_the_validators_message_and_changes_nothing()
    {
        var (id, customer) = await DraftAsync();
        var owner = await fixture.AsAsync(Owner);
        var form = ReviewDriver.OrderForm(customer, 7, 100m, command: "save");
        form.RemoveAll(f => f.Key == "Lines[0].Unit");
        form.Add(new("Lines[0].Unit", new string('U', 1_000)));

        var result = await owner.SubmitAsync($"/Orders/Edit/{id}", form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The unit is too long.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(2m, Assert.Single((await OrderAsync(id)).Lines).Quantity);
    }

    [Fact]
    public async Task A_draft_saved_from_a_form_opened_before_someone_elses_save_is_a_conflict_with_the_form_again_and_keeps_their_change()
    {
        var (id, customer) = await DraftAsync();
        var owner = await fixture.AsAsync(Owner);
        var manager = await fixture.AsAsync("salesmanager");
        var stale = ReviewDriver.OrderForm(customer, 9, 100m, command: "save");
        stale.Add(new("ContentVersion", (await OrderAsync(id)).ContentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var token = await owner.TokenFromAsync($"/Orders/Edit/{id}");
        var first = await manager.SubmitAsync($"/Orders/Edit/{id}", ReviewDriver.OrderForm(customer, 3, 100m, command: "save"));
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var second = await owner.PostAsync($"/Orders/Edit/{id}", stale, token);

        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains("The order was changed by someone else after you opened it.", second.ErrorText, StringComparison.Ordinal);
        Assert.NotNull(second.Document.QuerySelector("#order-form"));
        Assert.Equal(3m, Assert.Single((await OrderAsync(id)).Lines).Quantity);
    }

    [Fact]
    public async Task A_second_salesperson_posting_a_broken_form_to_anothers_draft_is_refused_without_seeing_it()
    {
        var (id, customer) = await DraftAsync();
        var other = await fixture.AsAsync(Other);
        var token = await other.TokenFromAsync("/");

        var result = await other.PostAsync($"/Orders/Edit/{id}", ReviewDriver.OrderForm(customer, -1, 1m, command: "save"), token);
        var addLine = await other.PostAsync($"/Orders/Edit/{id}", ReviewDriver.OrderForm(customer, 1, 1m, command: "addLine"), token);

        AssertRefused(result, "POST /Orders/Edit (invalid) as sales2");
        AssertRefused(addLine, "POST /Orders/Edit (add line) as sales2");
        Assert.DoesNotContain("DD-", result.Html, StringComparison.Ordinal);
        Assert.Equal(2m, Assert.Single((await OrderAsync(id)).Lines).Quantity);
    }

    [Fact]
    public async Task An_oral_confirmation_without_who_and_when_shows_the_validators_messages_and_records_nothing()
    {
        var (id, _) = await DraftAsync(channel: "PhoneOral");
        var owner = await fixture.AsAsync(Owner);

        var result = await owner.SubmitAsync($"/Orders/Details/{id}", [new("ConfirmedBy", ""), new("ConfirmedAt", "")], $"/Orders/ConfirmOral/{id}");

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var page = await owner.FollowAsync(result);
        Assert.Contains("Enter who confirmed the order at the customer.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Enter when the customer confirmed.", page.Text, StringComparison.Ordinal);
        var order = await OrderAsync(id);
        Assert.False(order.HasOralConfirmation);
        Assert.Null(order.BillOfLadingReference);
    }

    [Fact]
    public async Task A_second_salesperson_cannot_record_the_customers_confirmation_of_anothers_order_with_a_valid_or_a_broken_form()
    {
        var (id, _) = await DraftAsync(channel: "PhoneOral");
        var other = await fixture.AsAsync(Other);
        var token = await other.TokenFromAsync("/");

        AssertRefused(await other.PostAsync($"/Orders/ConfirmOral/{id}", [new("ConfirmedBy", "Mallory"), new("Method", "Fax"), new("ConfirmedAt", "2026-11-23T09:30")], token), "valid confirmation as sales2");
        AssertRefused(await other.PostAsync($"/Orders/ConfirmOral/{id}", [new("BillOfLadingReference", "TD-EVIL")], token), "bill of lading as sales2");
        AssertRefused(await other.PostAsync($"/Orders/ConfirmOral/{id}", [], token), "empty form as sales2");
        AssertRefused(await other.PostAsync($"/Orders/ConfirmOral/{Guid.NewGuid()}", [new("BillOfLadingReference", "TD-1")], token), "unknown order");

        var order = await OrderAsync(id);
        Assert.False(order.HasOralConfirmation);
        Assert.Null(order.BillOfLadingReference);
    }

    [Fact]
    public async Task The_owner_records_the_customers_oral_confirmation_on_the_order()
    {
        var (id, _) = await DraftAsync(channel: "PhoneOral");
        var owner = await fixture.AsAsync(Owner);

        var result = await owner.SubmitAsync($"/Orders/Details/{id}",
            [new("ConfirmedBy", "刘先生"), new("Method", "Fax"), new("ConfirmedAt", "2026-11-23T09:30")], $"/Orders/ConfirmOral/{id}");

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Contains("The customer's confirmation was recorded.", (await owner.FollowAsync(result)).Text, StringComparison.Ordinal);
        var order = await OrderAsync(id);
        Assert.Equal("刘先生", order.OralConfirmedBy);
        Assert.Equal(ConfirmationMethod.Fax, order.OralConfirmationMethod);
    }
}
