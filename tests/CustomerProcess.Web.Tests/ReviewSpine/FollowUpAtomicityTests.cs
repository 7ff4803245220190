using System.Data.Common;
using System.Net;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using CustomerProcess.Web.Tests.Tracking;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.ReviewSpine;

/// <summary>
/// Fails a save where a cancelled request would fail it: inside the saving transaction, right after the UPDATE of
/// the reviewed subject (the order, the contract change) ran — after the signature's INSERT — or, in the contrast
/// case, right after the commit. Armed for one command or commit at a time.
/// </summary>
public sealed class CancelSwitch : DbCommandInterceptor, IDbTransactionInterceptor
{
    private volatile string? _table;
    private volatile bool _afterCommit;
    private volatile bool _sawUpdate;

    public int Fired { get; private set; }

    /// <summary>The next command that updates the table inside a transaction throws after it ran.</summary>
    public void CancelInsideTransactionAfterUpdateOf(string table) => (_table, _afterCommit) = (table, false);

    /// <summary>The next commit of a transaction that updated the table throws after the commit.</summary>
    public void CancelAfterCommitOf(string table) => (_table, _afterCommit) = (table, true);

    public void Disarm() => _table = null;

    /// <summary>Disarmed, nothing fired yet (each test starts so).</summary>
    public void Reset() => (_table, _sawUpdate, Fired) = (null, false, 0);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (_table is not { } table || command.Transaction is null || !command.CommandText.Contains($"UPDATE \"{table}\"", StringComparison.Ordinal))
        {
            return;
        }

        if (_afterCommit)
        {
            _sawUpdate = true;
            return;
        }

        _table = null;
        Fired++;
        throw new OperationCanceledException("The client went away (test).");
    }

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        if (_afterCommit && _sawUpdate && _table is not null)
        {
            (_table, _sawUpdate) = (null, false);
            Fired++;
            throw new OperationCanceledException("The client went away after the commit (test).");
        }

        return Task.CompletedTask;
    }
}

public sealed class CancellableAppFactory : AppFactory
{
    public CancelSwitch Switch { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Switch));
    }
}

/// <summary>
/// Issue #15 item 5: a signature or decision and what follows from it (the review moving on, the order or the
/// contract change reacting) commit together or not at all. The request is cancelled midway; the database and
/// the page tell the same, whole story.
/// </summary>
public sealed class FollowUpAtomicityTests : IClassFixture<CancellableAppFactory>
{
    private readonly CancellableAppFactory app;
    private readonly TrackingDriver _tracking;

    public FollowUpAtomicityTests(CancellableAppFactory app)
    {
        this.app = app;
        _tracking = new(app);
        app.Switch.Reset();
    }

    private ReviewDriver Reviews => _tracking.Reviews;

    private Task<Review> ReviewAsync(Guid id) =>
        app.WithDbAsync(db => db.Reviews.AsNoTracking().Include(r => r.Sections).Include(r => r.Signatures).AsSplitQuery().SingleAsync(r => r.Id == id));

    private Task<SalesOrder> OrderAsync(Guid id) => app.WithDbAsync(db => db.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == id));

    private static async Task<BrowserLikeClient.Page?> Cancelled(Func<Task<BrowserLikeClient.Page>> post)
    {
        try
        {
            var page = await post();
            Assert.NotEqual(HttpStatusCode.Redirect, page.Status);
            return page;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            return null; // the test host passed the cancellation on to the client
        }
    }

    /// <summary>A full countersign order review with every section but Finance signed.</summary>
    private async Task<(Guid ReviewId, Guid OrderId)> FullReviewOneSignatureShortAsync()
    {
        var customer = await Reviews.CustomerAsync(CustomerClass.Regular);
        var reviewId = await Reviews.SubmitOrderAsync(ReviewDriver.OrderForm(customer, 10, 20_000m));
        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewConcluder.GeneralManager, review.Concluder);
        await Reviews.SignAllAsync(reviewId, review.Sections.Select(s => s.DepartmentCode).Where(d => d != "Finance"));
        return (reviewId, review.SubjectId);
    }

    [Fact]
    public async Task A_decisive_signature_cancelled_while_the_order_follows_leaves_no_signature_and_the_page_shows_the_section_unsigned()
    {
        var (reviewId, orderId) = await FullReviewOneSignatureShortAsync();
        var signaturesBefore = (await ReviewAsync(reviewId)).Signatures.Count;

        app.Switch.CancelInsideTransactionAfterUpdateOf("SalesOrders");
        await Cancelled(() => Reviews.SignAsync(reviewId, "Finance"));
        app.Switch.Disarm();

        Assert.Equal(1, app.Switch.Fired);
        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.InProgress, review.Status);
        Assert.Equal(SectionStatus.Pending, review.Sections.Single(s => s.DepartmentCode == "Finance").Status);
        Assert.Equal(signaturesBefore, review.Signatures.Count);
        Assert.DoesNotContain(review.Signatures, s => s.Capacity == "Finance");
        Assert.Equal(OrderStatus.UnderReview, (await OrderAsync(orderId)).Status);
        var page = await Reviews.ReviewPageAsync(reviewId, "finance");
        Assert.NotNull(page.Document.QuerySelector("#section-Finance form.sign-form"));
        Assert.Null(page.Document.QuerySelector("#gm-approval"));

        // Signed again, everything moves together.
        Assert.Equal(HttpStatusCode.Redirect, (await Reviews.SignAsync(reviewId, "Finance")).Status);
        Assert.Equal(ReviewStatus.AwaitingApproval, (await ReviewAsync(reviewId)).Status);
        Assert.Equal(OrderStatus.AwaitingApproval, (await OrderAsync(orderId)).Status);
    }

    [Fact]
    public async Task A_general_managers_approval_cancelled_while_the_order_follows_leaves_the_review_awaiting_approval()
    {
        var (reviewId, orderId) = await FullReviewOneSignatureShortAsync();
        await Reviews.SignAllAsync(reviewId, ["Finance"]);

        app.Switch.CancelInsideTransactionAfterUpdateOf("SalesOrders");
        await Cancelled(() => Reviews.PostOnReviewAsync(reviewId, "gm", "Approve", [new("Password", DemoData.Password), new("Comment", "同意")]));
        app.Switch.Disarm();

        Assert.Equal(1, app.Switch.Fired);
        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.AwaitingApproval, review.Status);
        Assert.DoesNotContain(review.Signatures, s => s.SectionId is null);
        Assert.Equal(OrderStatus.AwaitingApproval, (await OrderAsync(orderId)).Status);
        var page = await Reviews.ReviewPageAsync(reviewId, "gm");
        Assert.NotNull(page.Document.QuerySelector("#gm-approval"));
        Assert.Null(page.Document.QuerySelector("#decisions"));
    }

    [Fact]
    public async Task A_general_managers_approval_cancelled_after_the_commit_has_moved_the_review_and_the_order()
    {
        var (reviewId, orderId) = await FullReviewOneSignatureShortAsync();

        app.Switch.CancelAfterCommitOf("SalesOrders");
        await Cancelled(() => Reviews.SignAsync(reviewId, "Finance"));
        app.Switch.Disarm();
        Assert.Equal(1, app.Switch.Fired);
        Assert.Equal(ReviewStatus.AwaitingApproval, (await ReviewAsync(reviewId)).Status);
        Assert.Equal(OrderStatus.AwaitingApproval, (await OrderAsync(orderId)).Status);

        app.Switch.CancelAfterCommitOf("SalesOrders");
        await Cancelled(() => Reviews.PostOnReviewAsync(reviewId, "gm", "Approve", [new("Password", DemoData.Password), new("Comment", "同意")]));
        app.Switch.Disarm();

        Assert.Equal(2, app.Switch.Fired);
        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewStatus.Approved, review.Status);
        Assert.Contains(review.Signatures, s => s.Capacity == "GeneralManager");
        Assert.Equal(OrderStatus.Approved, (await OrderAsync(orderId)).Status);
        var page = await Reviews.ReviewPageAsync(reviewId, "gm");
        Assert.Null(page.Document.QuerySelector("#gm-approval"));
        Assert.NotNull(page.Document.QuerySelector("#decisions"));
    }

    private async Task<(Contract Contract, Guid ChangeId, Guid ReviewId)> ChangeAwaitingApprovalAsync()
    {
        var customer = await Reviews.CustomerAsync(CustomerClass.Regular);
        var contract = await _tracking.SignedContractAsync(customer, CustomerClass.Regular);
        var changeId = await _tracking.RequestChangeAsync(contract, ChangeKind.Specification, specification: "DN100 PN25 316L");
        Assert.Equal(HttpStatusCode.Redirect, (await _tracking.DecideChangeAsync(changeId, "Accept")).Status);
        var change = await _tracking.ChangeAsync(changeId);
        var reviewId = change.ReviewId!.Value;
        var review = await ReviewAsync(reviewId);
        Assert.Equal(ReviewSubjectKind.ContractChange, review.SubjectKind);
        Assert.Equal(changeId, review.SubjectId);
        await Reviews.SignAllAsync(reviewId, TrackingDriver.FullReviewDepartments);
        Assert.Equal(ReviewStatus.AwaitingApproval, (await ReviewAsync(reviewId)).Status);
        return (contract, changeId, reviewId);
    }

    [Fact]
    public async Task A_general_managers_approval_of_a_change_cancelled_while_the_change_is_applied_leaves_the_change_under_review_and_the_contract_held()
    {
        var (contract, changeId, reviewId) = await ChangeAwaitingApprovalAsync();

        app.Switch.CancelInsideTransactionAfterUpdateOf("ContractChanges");
        await Cancelled(() => Reviews.PostOnReviewAsync(reviewId, "gm", "Approve", [new("Password", DemoData.Password), new("Comment", "同意变更")]));
        app.Switch.Disarm();

        Assert.Equal(1, app.Switch.Fired);
        Assert.Equal(ReviewStatus.AwaitingApproval, (await ReviewAsync(reviewId)).Status);
        Assert.Equal(ChangeStatus.UnderReview, (await _tracking.ChangeAsync(changeId)).Status);
        var held = await _tracking.ReloadAsync(contract);
        Assert.True(held.IsHeld);
        Assert.Equal(1, held.CurrentVersion);
        var page = await Reviews.ReviewPageAsync(reviewId, "gm");
        Assert.NotNull(page.Document.QuerySelector("#gm-approval"));
        Assert.Contains("DN100 PN25 316L", page.Document.QuerySelector("#review-lines")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_general_managers_approval_of_a_change_cancelled_after_the_commit_has_applied_the_change_and_released_the_contract()
    {
        var (contract, changeId, reviewId) = await ChangeAwaitingApprovalAsync();

        app.Switch.CancelAfterCommitOf("ContractChanges");
        await Cancelled(() => Reviews.PostOnReviewAsync(reviewId, "gm", "Approve", [new("Password", DemoData.Password), new("Comment", "同意变更")]));
        app.Switch.Disarm();

        Assert.Equal(1, app.Switch.Fired);
        Assert.Equal(ReviewStatus.Approved, (await ReviewAsync(reviewId)).Status);
        Assert.Equal(ChangeStatus.Implemented, (await _tracking.ChangeAsync(changeId)).Status);
        var moved = await _tracking.ReloadAsync(contract);
        Assert.False(moved.IsHeld);
        Assert.Equal(2, moved.CurrentVersion);
        Assert.Equal("DN100 PN25 316L", moved.Lines.Single().Specification);
    }
}
