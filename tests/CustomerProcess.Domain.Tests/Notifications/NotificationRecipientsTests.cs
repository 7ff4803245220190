using CustomerProcess.Domain.Notifications;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;

namespace CustomerProcess.Domain.Tests.Notifications;

/// <summary>Who is notified of each event (docs/process.md §4, §5, §7, §10): each person once, never the actor.</summary>
public sealed class NotificationRecipientsTests
{
    private static readonly NotificationDirectory Directory = new(
        new Dictionary<string, IReadOnlyList<string>>
        {
            [Roles.SalesManager] = ["sm"],
            [Roles.GeneralManager] = ["gm"],
            [Roles.BusinessUnitHead] = ["bu"],
            [Roles.QualityHead] = ["qhead"],
            [Roles.QualityStaff] = ["qstaff1", "qstaff2"],
            [Roles.ContractAdministrator] = ["admin-contracts"],
            [Roles.Sales] = ["sales1", "sales2"],
        },
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["Sales"] = ["sm"],
            ["Quality"] = ["qhead", "deputy-q"],
            ["Production"] = ["prod"],
            ["Finance"] = ["fin"],
        });

    private static IReadOnlyList<string> For(NotificationEvent e, string? actor = null) => NotificationRecipients.For(e, Directory, actor);

    [Fact]
    public void Sections_awaiting_signature_notify_each_departments_head_and_deputies() =>
        Assert.Equal(["qhead", "deputy-q", "prod"], For(new SectionsAwaitingSignature(["Quality", "Production"])));

    [Fact]
    public void A_department_without_a_head_notifies_no_one() =>
        Assert.Empty(For(new SectionsAwaitingSignature(["Legal"])));

    [Fact]
    public void The_signer_who_completes_a_section_is_not_notified_of_it() =>
        Assert.Equal(["prod"], For(new SectionsAwaitingSignature(["Sales", "Production"]), actor: "sm"));

    [Theory]
    [InlineData(ReviewConcluder.SalesManager, "sm")]
    [InlineData(ReviewConcluder.BusinessUnitHead, "bu")]
    [InlineData(ReviewConcluder.GeneralManager, "gm")]
    public void A_complete_review_notifies_its_concluder(ReviewConcluder concluder, string expected) =>
        Assert.Equal([expected], For(new ConclusionAwaiting(concluder)));

    [Fact]
    public void A_discrepancy_notifies_the_sales_manager_and_the_orders_salesperson() =>
        Assert.Equal(["sm", "sales2"], For(new DiscrepancyRaised("sales2")));

    [Fact]
    public void A_discrepancy_on_a_subject_without_a_salesperson_notifies_the_sales_manager_only() =>
        Assert.Equal(["sm"], For(new DiscrepancyRaised(null)));

    [Fact]
    public void A_resolved_discrepancy_notifies_the_raising_department_for_confirmation() =>
        Assert.Equal(["qhead", "deputy-q"], For(new DiscrepancyResolved("Quality"), actor: "sm"));

    [Fact]
    public void A_task_notice_notifies_the_heads_of_the_departments_concerned() =>
        Assert.Equal(["prod", "fin"], For(new TaskNoticeSent(["Production", "Finance"]), actor: "admin-contracts"));

    [Fact]
    public void A_logged_complaint_goes_to_quality_head_and_staff_but_not_to_the_staff_member_who_logged_it() =>
        Assert.Equal(["qhead", "qstaff2"], For(new ComplaintLogged(), actor: "qstaff1"));

    [Fact]
    public void A_complaint_without_an_answer_at_48_hours_notifies_quality_staff() =>
        Assert.Equal(["qstaff1", "qstaff2"], For(new ComplaintUnanswered(Overdue: false)));

    [Fact]
    public void An_overdue_complaint_notifies_quality_staff_and_qualitys_head_too()
    {
        var overdue = new ComplaintUnanswered(Overdue: true);
        Assert.Equal(NotificationKind.ComplaintAnswerOverdue, overdue.Kind);
        Assert.Equal(["qstaff1", "qstaff2", "qhead"], For(overdue));
    }

    [Fact]
    public void A_due_corrective_action_or_special_requirement_notifies_its_owner()
    {
        Assert.Equal(["prod"], For(new CorrectiveActionDue("prod")));
        Assert.Equal(["sales1"], For(new SpecialRequirementDue("sales1")));
    }

    [Fact]
    public void An_overdue_contract_notifies_the_contract_administrator_and_the_salesperson() =>
        Assert.Equal(["admin-contracts", "sales1"], For(new ContractOverdue("sales1")));

    [Fact]
    public void A_person_in_two_roles_is_notified_once()
    {
        var directory = new NotificationDirectory(
            new Dictionary<string, IReadOnlyList<string>> { [Roles.QualityHead] = ["q"], [Roles.QualityStaff] = ["q"] },
            new Dictionary<string, IReadOnlyList<string>>());
        Assert.Equal(["q"], NotificationRecipients.For(new ComplaintUnanswered(true), directory, null));
    }
}
