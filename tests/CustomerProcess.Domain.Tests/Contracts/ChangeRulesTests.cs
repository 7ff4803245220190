using CustomerProcess.Domain.Contracts;

namespace CustomerProcess.Domain.Tests.Contracts;

public sealed class ChangeRulesTests
{
    private static readonly DateTime Now = ContractTestData.Now;

    [Theory]
    [InlineData(ChangeKind.Quantity, ChangeConsequence.RevisedTaskNotice)]
    [InlineData(ChangeKind.DeliveryDate, ChangeConsequence.RevisedTaskNotice)]
    [InlineData(ChangeKind.Price, ChangeConsequence.NewQuotation)]
    [InlineData(ChangeKind.Structure, ChangeConsequence.FullReview)]
    [InlineData(ChangeKind.Specification, ChangeConsequence.FullReview)]
    [InlineData(ChangeKind.Process, ChangeConsequence.ProductChangeNotice)]
    [InlineData(ChangeKind.Termination, ChangeConsequence.BothPartiesConfirm)]
    public void Each_kind_of_change_has_the_consequence_the_procedure_table_gives(ChangeKind kind, ChangeConsequence expected)
    {
        Assert.Equal(expected, ChangeRules.ConsequenceOf(kind));
    }

    [Fact]
    public void Every_kind_is_in_the_table()
    {
        Assert.All(Enum.GetValues<ChangeKind>(), kind => Assert.True(Enum.IsDefined(ChangeRules.ConsequenceOf(kind))));
    }

    [Theory]
    [InlineData(ChangeKind.Quantity, LineField.Quantity, true)]
    [InlineData(ChangeKind.Quantity, LineField.UnitPrice, false)]
    [InlineData(ChangeKind.Quantity, LineField.Specification, false)]
    [InlineData(ChangeKind.DeliveryDate, LineField.DeliveryDate, true)]
    [InlineData(ChangeKind.DeliveryDate, LineField.Quantity, false)]
    [InlineData(ChangeKind.Price, LineField.UnitPrice, true)]
    [InlineData(ChangeKind.Price, LineField.DeliveryDate, false)]
    [InlineData(ChangeKind.Specification, LineField.Specification, true)]
    [InlineData(ChangeKind.Specification, LineField.UnitPrice, true)]
    [InlineData(ChangeKind.Structure, LineField.Description, true)]
    [InlineData(ChangeKind.Process, LineField.Specification, false)]
    [InlineData(ChangeKind.Termination, LineField.Quantity, false)]
    public void A_change_may_alter_only_the_line_fields_its_kind_allows(ChangeKind kind, LineField field, bool allowed)
    {
        Assert.Equal(allowed, ChangeRules.AllowedFields(kind).Contains(field));
    }

    [Fact]
    public void A_quantity_change_that_also_changes_the_specification_must_be_classified_as_a_specification_change()
    {
        ContractLineData[] before = [ContractTestData.Line1];
        ContractLineData[] after = [ContractTestData.Line1 with { Quantity = 12m, Specification = "DN100 PN25" }];

        Assert.Equal("change.field-not-allowed", ChangeRules.Validate(ChangeKind.Quantity, before, after).Error!.Code);
        Assert.True(ChangeRules.Validate(ChangeKind.Specification, before, after).Succeeded);
        Assert.Equal([ChangeKind.Specification, ChangeKind.Quantity], ChangeRules.Suggest(before, after));
    }

    [Fact]
    public void A_kind_that_changes_lines_must_change_one_and_a_process_change_must_not()
    {
        ContractLineData[] before = [ContractTestData.Line1];
        ContractLineData[] same = [ContractTestData.Line1];
        ContractLineData[] later = [ContractTestData.Line1 with { DeliveryDate = new DateOnly(2027, 4, 15) }];

        Assert.Equal("change.no-line-change", ChangeRules.Validate(ChangeKind.DeliveryDate, before, same).Error!.Code);
        Assert.True(ChangeRules.Validate(ChangeKind.DeliveryDate, before, later).Succeeded);
        Assert.True(ChangeRules.Validate(ChangeKind.Structure, before, same).Succeeded); // drawings the lines do not show
        Assert.True(ChangeRules.Validate(ChangeKind.Process, before, same).Succeeded);
        Assert.Equal("change.lines-not-allowed", ChangeRules.Validate(ChangeKind.Process, before, later).Error!.Code);
    }

    private static ContractChange Request(Contract contract, ChangeKind kind, params ContractLineData[] lines) =>
        ContractChange.Request("BG-2026-0001", contract, kind, ChangeParty.Customer, "刘先生", "what", "why", "客户函 2026-11-20", null, lines, "u-s", "Wang", Now).Value!;

    [Fact]
    public void A_quantity_change_makes_a_new_version_and_keeps_the_old_one_readable()
    {
        var contract = ContractTestData.Signed();
        var change = Request(contract, ChangeKind.Quantity, ContractTestData.Line1 with { Quantity = 12m });

        Assert.True(change.Implement(contract, "Li", null, Now).Succeeded);

        Assert.Equal(ChangeStatus.Implemented, change.Status);
        Assert.Equal(2, contract.CurrentVersion);
        Assert.Equal(2, change.ResultingVersion);
        Assert.Equal(12m, contract.Lines.Single(l => l.LineNo == 1).Quantity);
        Assert.Equal(10m, contract.LinesOfVersion(1).Single(l => l.LineNo == 1).Quantity);
        Assert.Equal(2_200_000, contract.AmountMinor);
        Assert.Equal([2_000_000L, 2_200_000L], contract.Versions.Select(v => v.AmountMinor));
    }

    [Fact]
    public void A_quantity_cannot_be_reduced_below_what_was_delivered()
    {
        var contract = ContractTestData.Signed();
        contract.RecordDelivery(new DateOnly(2027, 1, 1), "TD-1", null, [new(1, 6m)], "Lin", Now);

        var below = ContractChange.Request("BG-1", contract, ChangeKind.Quantity, ChangeParty.Customer, "刘", "w", "y", "fax", null, [ContractTestData.Line1 with { Quantity = 5.9999m }], "u", "Wang", Now);
        var at = ContractChange.Request("BG-2", contract, ChangeKind.Quantity, ChangeParty.Customer, "刘", "w", "y", "fax", null, [ContractTestData.Line1 with { Quantity = 6m }], "u", "Wang", Now);

        Assert.Equal("contract.below-delivered", below.Error!.Code);
        Assert.True(at.Succeeded);
    }

    [Fact]
    public void A_specification_change_holds_the_contract_until_its_review_approves_it()
    {
        var contract = ContractTestData.Signed();
        var change = Request(contract, ChangeKind.Specification, ContractTestData.Line1 with { Specification = "DN100 PN25" });

        Assert.Equal("change.wrong-consequence", change.Implement(contract, "Li", null, Now).Error!.Code);
        Assert.True(change.SendToReview(contract, Guid.NewGuid(), "Li", Now).Succeeded);

        Assert.True(contract.IsHeld);
        Assert.Equal("contract.held", contract.RecordDelivery(new DateOnly(2027, 1, 1), "TD-1", null, [new(1, 1m)], "Lin", Now).Error!.Code);
        Assert.Equal("contract.held", contract.CloseManually("reason", new DateOnly(2027, 1, 1)).Error!.Code);
        Assert.Equal(1, contract.CurrentVersion);

        Assert.True(change.ReviewApproved(contract, "Chen", Now).Succeeded);
        Assert.False(contract.IsHeld);
        Assert.Equal(2, contract.CurrentVersion);
        Assert.Equal("DN100 PN25", contract.Lines[0].Specification);
        Assert.True(contract.RecordDelivery(new DateOnly(2027, 1, 1), "TD-1", null, [new(1, 1m)], "Lin", Now).Succeeded);
    }

    [Fact]
    public void A_rejected_specification_review_releases_the_contract_on_its_old_version()
    {
        var contract = ContractTestData.Signed();
        var change = Request(contract, ChangeKind.Specification, ContractTestData.Line1 with { Specification = "DN100 PN25" });
        change.SendToReview(contract, Guid.NewGuid(), "Li", Now);

        Assert.True(change.ReviewRejected(contract, "Chen", "cannot make PN25", Now).Succeeded);

        Assert.Equal(ChangeStatus.Rejected, change.Status);
        Assert.False(contract.IsHeld);
        Assert.Equal(1, contract.CurrentVersion);
        Assert.Equal("DN100 PN16", contract.Lines[0].Specification);
    }

    [Fact]
    public void Termination_needs_our_confirmation_after_the_customers_and_ends_the_contract()
    {
        var contract = ContractTestData.Signed();
        var change = Request(contract, ChangeKind.Termination);

        Assert.Equal(ContractStatus.Executing, contract.Status);
        Assert.True(change.ConfirmTermination(contract, "Li", Now, new DateOnly(2026, 12, 1)).Succeeded);

        Assert.Equal(ContractStatus.Terminated, contract.Status);
        Assert.Equal("Li", change.CompanyConfirmedByName);
        Assert.Equal("change.illegal-move", change.ConfirmTermination(contract, "Li", Now, new DateOnly(2026, 12, 1)).Error!.Code);
    }

    [Fact]
    public void A_change_needs_the_customers_written_confirmation_and_an_executing_contract()
    {
        var contract = ContractTestData.Signed();

        var unconfirmed = ContractChange.Request("BG-1", contract, ChangeKind.Process, ChangeParty.Company, "Li", "w", "y", " ", null, null, "u", "Wang", Now);
        Assert.Equal("change.confirmation", unconfirmed.Error!.Code);

        contract.CloseManually("done", new DateOnly(2027, 1, 1));
        var late = ContractChange.Request("BG-2", contract, ChangeKind.Process, ChangeParty.Company, "Li", "w", "y", "fax", null, null, "u", "Wang", Now);
        Assert.Equal("contract.not-executing", late.Error!.Code);
    }

    [Fact]
    public void A_change_requested_on_an_older_version_cannot_be_implemented()
    {
        var contract = ContractTestData.Signed();
        var first = Request(contract, ChangeKind.Quantity, ContractTestData.Line1 with { Quantity = 12m });
        var second = Request(contract, ChangeKind.DeliveryDate, ContractTestData.Line2 with { DeliveryDate = new DateOnly(2027, 5, 31) });
        first.Implement(contract, "Li", null, Now);

        Assert.Equal("change.stale", second.Implement(contract, "Li", null, Now).Error!.Code);
        Assert.Equal(2, contract.CurrentVersion);
    }
}
