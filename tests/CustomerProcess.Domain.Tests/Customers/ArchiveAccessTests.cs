using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class ArchiveAccessTests
{
    private static readonly DateTime Asked = new(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Approved = new(2026, 12, 2, 3, 0, 0, DateTimeKind.Utc);

    private static Customer Customer() => new("C-A", "Archive Ltd.", CustomerClass.Regular, "sales");

    private static ArchiveAccessGrant ApprovedGrant(Customer customer, int days = 7)
    {
        var grant = ArchiveAccessGrant.Ask(customer, "qstaff", "He", false, "complaint follow-up", days, Asked).Value!;
        Assert.True(grant.ApproveAsHead("quality", "Zhang", isRequestersHead: true, Asked.AddHours(1)).Succeeded);
        Assert.True(grant.ApproveAsOwner("sales", "Wang", isArchiveOwner: true, Approved).Succeeded);
        return grant;
    }

    [Fact]
    public void The_access_starts_at_the_second_approval_and_lasts_the_days_asked()
    {
        var grant = ApprovedGrant(Customer());

        Assert.Equal(ArchiveAccessStatus.Approved, grant.Status);
        Assert.Equal(Approved, grant.ValidFromUtc);
        Assert.Equal(Approved.AddDays(7), grant.ValidUntilUtc);
    }

    [Theory]
    [InlineData(-1, true)]   // just before the end
    [InlineData(0, false)]   // at the end
    [InlineData(1, false)]   // just after
    public void The_access_holds_until_just_before_its_end(int secondsFromEnd, bool allowed)
    {
        var customer = Customer();
        var grant = ApprovedGrant(customer);

        Assert.Equal(allowed, grant.Allows(customer.Id, "qstaff", Approved.AddDays(7).AddSeconds(secondsFromEnd)));
    }

    [Fact]
    public void The_access_does_not_hold_before_the_second_approval()
    {
        var customer = Customer();
        var grant = ArchiveAccessGrant.Ask(customer, "qstaff", "He", false, "why", 7, Asked).Value!;
        grant.ApproveAsHead("quality", "Zhang", true, Asked);

        Assert.False(grant.Allows(customer.Id, "qstaff", Asked.AddHours(1)));
        Assert.Equal(ArchiveAccessStatus.Pending, grant.Status);
    }

    [Fact]
    public void An_access_is_for_one_customer_and_one_person()
    {
        var customer = Customer();
        var grant = ApprovedGrant(customer);

        Assert.False(grant.Allows(Guid.NewGuid(), "qstaff", Approved.AddHours(1)));
        Assert.False(grant.Allows(customer.Id, "production", Approved.AddHours(1)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void The_period_is_one_to_ninety_days(int days, bool accepted)
    {
        Assert.Equal(accepted, ArchiveAccessGrant.Ask(Customer(), "qstaff", "He", false, "why", days, Asked).Succeeded);
    }

    [Fact]
    public void Someone_who_can_read_the_file_already_does_not_ask()
    {
        Assert.Equal(ArchiveAccessGrant.AlreadyHasAccess, ArchiveAccessGrant.Ask(Customer(), "gm", "Chen", true, "why", 7, Asked).Error);
    }

    [Fact]
    public void The_requester_approves_nothing_and_a_stranger_neither()
    {
        var customer = Customer();
        var grant = ArchiveAccessGrant.Ask(customer, "qstaff", "He", false, "why", 7, Asked).Value!;

        Assert.Equal(ArchiveAccessGrant.OwnRequest, grant.ApproveAsHead("qstaff", "He", true, Asked).Error);
        Assert.Equal(ArchiveAccessGrant.NotHead, grant.ApproveAsHead("production", "Zhao", false, Asked).Error);
        Assert.Equal(ArchiveAccessGrant.NotOwner, grant.ApproveAsOwner("sales2", "Other", false, Asked).Error);
        Assert.Equal(ArchiveAccessStatus.Pending, grant.Status);
    }

    [Theory]
    [InlineData("quality", "quality", false, true)]   // the head of the requester's department
    [InlineData("production", "quality", false, false)] // another head
    [InlineData("gm", "quality", true, false)]        // the GM is not the head of a department with its own head
    [InlineData("gm", "qstaff", true, true)]          // the requester heads the department: the GM approves
    [InlineData("production", "qstaff", false, false)]
    public void The_department_head_of_the_requester_approves(string approver, string requestersHead, bool approverIsGm, bool allowed)
    {
        Assert.Equal(allowed, ArchiveAccessGrant.IsRequestersHead(approver, requestersHead, "qstaff", approverIsGm));
    }

    [Fact]
    public void Ending_an_access_early_closes_it_at_once()
    {
        var customer = Customer();
        var grant = ApprovedGrant(customer);

        Assert.True(grant.Reject("sales", "Wang", false, true, Approved.AddDays(1)).Succeeded);

        Assert.False(grant.Allows(customer.Id, "qstaff", Approved.AddDays(1)));
    }

    [Theory]
    [InlineData(Roles.SalesManager, true)]
    [InlineData(Roles.GeneralManager, true)]
    [InlineData(Roles.QualityHead, true)]
    [InlineData(Roles.ContractAdministrator, true)]
    [InlineData(Roles.Sales, false)]
    [InlineData(Roles.FinanceHead, true)]
    [InlineData(Roles.ProductionHead, false)]
    [InlineData(Roles.QualityStaff, false)]
    [InlineData(Roles.Administrator, false)]
    public void Standing_access_to_a_file_is_by_role(string role, bool standing)
    {
        var basis = CustomerFileAccess.Basis(Customer(), "someone", r => r == role, [], Approved);

        Assert.Equal(standing ? CustomerFileBasis.Role : null, basis);
    }

    [Fact]
    public void The_owner_reads_the_file_and_another_salesperson_only_with_a_valid_grant()
    {
        var customer = Customer();
        var grant = ApprovedGrant(customer);

        Assert.Equal(CustomerFileBasis.Owner, CustomerFileAccess.Basis(customer, "sales", r => r == Roles.Sales, [], Approved));
        Assert.Null(CustomerFileAccess.Basis(customer, "sales2", r => r == Roles.Sales, [], Approved));
        Assert.Equal(CustomerFileBasis.Grant, CustomerFileAccess.Basis(customer, "qstaff", _ => false, [grant], Approved.AddDays(1)));
        Assert.Null(CustomerFileAccess.Basis(customer, "qstaff", _ => false, [grant], Approved.AddDays(8)));
    }

    [Fact]
    public void The_sales_manager_who_approved_as_head_does_not_approve_as_owner_too()
    {
        var customer = Customer();
        var grant = ArchiveAccessGrant.Ask(customer, "sales2", "Other", false, "covering for a colleague", 7, Asked).Value!;
        Assert.True(grant.ApproveAsHead("salesmanager", "Li", true, Asked).Succeeded);

        Assert.Equal(ArchiveAccessGrant.TwoPeople, grant.ApproveAsOwner("salesmanager", "Li", true, Asked).Error);
        Assert.Equal(ArchiveAccessStatus.Pending, grant.Status);
    }
}
