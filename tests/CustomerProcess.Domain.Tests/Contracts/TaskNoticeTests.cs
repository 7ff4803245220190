using CustomerProcess.Domain.Contracts;

namespace CustomerProcess.Domain.Tests.Contracts;

public sealed class TaskNoticeTests
{
    private static readonly DateTime Now = ContractTestData.Now;

    private static TaskNotice Issue(Contract contract, TaskNotice? previous = null, params string[] departments) =>
        TaskNotice.Issue("RW-2026-0001", NoticeKind.ProductionTask, contract, departments.Length == 0 ? ["Production", "Quality"] : departments,
            "木箱包装", "Production: 交货期需提前确认", null, previous, null, "u-ca", "Lin", Now).Value!;

    [Fact]
    public void A_notice_lists_every_department_as_pending_until_each_acknowledges()
    {
        var notice = Issue(ContractTestData.Signed());

        Assert.Equal(["Production", "Quality"], notice.PendingDepartments);
        Assert.True(notice.Acknowledge("Production", "u-p", "Zhao", null, Now).Succeeded);
        Assert.Equal(["Quality"], notice.PendingDepartments);
        Assert.Equal(NoticeStatus.Issued, notice.Status);

        Assert.True(notice.Acknowledge("Quality", "u-q", "Zhang", "收到", Now).Succeeded);
        Assert.Empty(notice.PendingDepartments);
        Assert.Equal(NoticeStatus.Acknowledged, notice.Status);
        Assert.Equal(2, notice.AcknowledgedCount);
    }

    [Fact]
    public void A_department_acknowledges_once_and_only_notices_addressed_to_it()
    {
        var notice = Issue(ContractTestData.Signed());
        notice.Acknowledge("Production", "u-p", "Zhao", null, Now);

        Assert.Equal("notice.acknowledged", notice.Acknowledge("Production", "u-p", "Zhao", null, Now).Error!.Code);
        Assert.Equal("notice.not-addressed", notice.Acknowledge("Finance", "u-f", "Zhou", null, Now).Error!.Code);
    }

    [Fact]
    public void A_notice_needs_a_department_and_carries_the_contract_lines()
    {
        var contract = ContractTestData.Signed();

        var none = TaskNotice.Issue("RW-1", NoticeKind.ProductionTask, contract, [" "], null, null, null, null, null, "u", "Lin", Now);
        Assert.Equal("notice.no-departments", none.Error!.Code);

        var notice = Issue(contract);
        Assert.Equal(2, notice.Lines.Count);
        Assert.Equal(10m, notice.Lines[0].Quantity);
        Assert.Equal(1, notice.Revision);
    }

    [Fact]
    public void A_revision_supersedes_the_previous_notice_marks_the_changed_lines_and_is_acknowledged_again()
    {
        var contract = ContractTestData.Signed();
        var first = Issue(contract);
        first.Acknowledge("Production", "u-p", "Zhao", null, Now);
        first.Acknowledge("Quality", "u-q", "Zhang", null, Now);
        var change = ContractChange.Request("BG-1", contract, ChangeKind.Quantity, ChangeParty.Customer, "刘", "w", "y", "fax", null, [ContractTestData.Line1 with { Quantity = 12m }], "u", "Wang", Now).Value!;
        change.Implement(contract, "Li", null, Now);

        var revised = Issue(contract, first);

        Assert.Equal(NoticeStatus.Superseded, first.Status);
        Assert.Equal(2, revised.Revision);
        Assert.Equal(first.Id, revised.SupersedesId);
        Assert.Equal(2, revised.ContractVersion);
        Assert.Equal([true, false], revised.Lines.Select(l => l.ChangedFromPrevious));
        Assert.Equal(["Production", "Quality"], revised.PendingDepartments);
        Assert.Equal("notice.superseded", first.Acknowledge("Production", "u-p", "Zhao", null, Now).Error!.Code);
    }

    [Fact]
    public void No_notice_goes_out_while_a_change_holds_the_contract()
    {
        var contract = ContractTestData.Signed();
        var change = ContractChange.Request("BG-1", contract, ChangeKind.Specification, ChangeParty.Customer, "刘", "w", "y", "fax", null, [ContractTestData.Line1 with { Specification = "X" }], "u", "Wang", Now).Value!;
        change.SendToReview(contract, Guid.NewGuid(), "Li", Now);

        var held = TaskNotice.Issue("RW-1", NoticeKind.ProductionTask, contract, ["Production"], null, null, null, null, null, "u", "Lin", Now);

        Assert.Equal("contract.held", held.Error!.Code);
    }
}
