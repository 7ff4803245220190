using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;

namespace CustomerProcess.Web.Tests.Pages;

/// <summary>Issue #20: the review form reads the reviewed order once; who may read it is decided from the order the page
/// read (it was read a second time for the check).</summary>
public sealed class ReviewFormCommandTests(CommandCountingAppFactory app) : IClassFixture<CommandCountingAppFactory>
{
    [Theory]
    [InlineData("salesmanager")]
    [InlineData("quality")]
    public async Task The_review_form_reads_the_order_once(string userName)
    {
        var tracking = new TrackingDriver(app);
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.New);
        var reviewId = await tracking.Reviews.SubmitOrderAsync(ReviewDriver.OrderForm(code, 5, 2_000m));
        var reader = await tracking.As(userName);
        await reader.GetAsync($"/Reviews/{reviewId}");

        app.Commands.Clear();
        var page = await reader.GetAsync($"/Reviews/{reviewId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Single(app.Commands.Texts, c => c.Contains("FROM \"SalesOrders\"", StringComparison.Ordinal));

        // The departments the user signs for, asked by the form and by the access check, are read once per request.
        Assert.True(app.Commands.Texts.Count(c => c.StartsWith("SELECT \"d\".\"Code\"", StringComparison.Ordinal)) <= 1, string.Join("\n---\n", app.Commands.Texts));
    }

    [Fact]
    public async Task A_head_whose_department_is_not_on_the_form_is_still_refused()
    {
        var tracking = new TrackingDriver(app);
        var code = await tracking.Reviews.CustomerAsync(CustomerClass.Regular);
        var reviewId = await tracking.Reviews.SubmitOrderAsync(ReviewDriver.OrderForm(code, 1, 100m));
        var legal = await tracking.As("legal");

        Assert.Equal(HttpStatusCode.Forbidden, (await legal.GetAsync($"/Reviews/{reviewId}")).Status);
    }
}
