using CustomerProcess.Domain.Customers;

namespace CustomerProcess.Domain.Tests.Customers;

public sealed class CustomerFinanceProposalTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 6, 0, 0, DateTimeKind.Utc);

    private static Customer NewCustomer()
    {
        var customer = new Customer("C-F", "Finance Ltd.", CustomerClass.New, "sales");
        customer.ApplyConfirmedFinanceTerms(new FinanceTerms("Bank of China", "1111", 100_000m, CreditRating.B));
        return customer;
    }

    [Fact]
    public void A_proposal_does_not_change_the_customer_and_keeps_the_old_and_new_values()
    {
        var customer = NewCustomer();
        var to = new FinanceTerms("Bank of China", "2222", 250_000m, CreditRating.A);

        var proposal = CustomerFinanceProposal.Propose(customer, to, "sales", "Wang", Now, "larger orders").Value!;

        Assert.Equal(100_000m, customer.CreditLimit);
        Assert.Equal("1111", customer.BankAccount);
        Assert.Equal(new FinanceTerms("Bank of China", "1111", 100_000m, CreditRating.B), proposal.From);
        Assert.Equal(to, proposal.To);
        Assert.Equal(FinanceProposalStatus.Pending, proposal.Status);
        Assert.Equal("sales", proposal.ProposedByUserId);
        Assert.Equal(Now, proposal.ProposedAtUtc);
    }

    [Fact]
    public void A_proposal_that_changes_nothing_is_refused()
    {
        var customer = NewCustomer();

        var result = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms, "sales", "Wang", Now, null);

        Assert.Equal(CustomerFinanceProposal.NothingChanged, result.Error);
    }

    [Theory]
    [InlineData(100_000.01)] // just above the current limit
    [InlineData(99_999.99)]  // just below
    public void A_change_of_one_cent_is_a_proposal(double limit)
    {
        var customer = NewCustomer();

        var result = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = (decimal)limit }, "sales", "Wang", Now, null);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Confirming_changes_the_customer_and_records_who_confirmed()
    {
        var customer = NewCustomer();
        var proposal = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = 300_000m, CreditRating = CreditRating.A }, "sales", "Wang", Now, null).Value!;

        var result = proposal.Confirm(customer, "finance", "Zhou", Now.AddHours(1));

        Assert.True(result.Succeeded);
        Assert.Equal(300_000m, customer.CreditLimit);
        Assert.Equal(CreditRating.A, customer.CreditRating);
        Assert.Equal(FinanceProposalStatus.Confirmed, proposal.Status);
        Assert.Equal("finance", proposal.DecidedByUserId);
        Assert.Equal(Now.AddHours(1), proposal.DecidedAtUtc);
    }

    [Fact]
    public void The_proposer_cannot_confirm_their_own_proposal()
    {
        var customer = NewCustomer();
        var proposal = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = 1m }, "both", "Both", Now, null).Value!;

        Assert.Equal(CustomerFinanceProposal.OwnProposal, proposal.Confirm(customer, "both", "Both", Now).Error);
        Assert.Equal(100_000m, customer.CreditLimit);
    }

    [Fact]
    public void A_decided_proposal_cannot_be_confirmed_or_rejected_again()
    {
        var customer = NewCustomer();
        var proposal = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = 1m }, "sales", "Wang", Now, null).Value!;
        Assert.True(proposal.Reject("finance", "Zhou", Now, "no").Succeeded);

        Assert.Equal(CustomerFinanceProposal.AlreadyDecided, proposal.Confirm(customer, "finance", "Zhou", Now).Error);
        Assert.Equal(CustomerFinanceProposal.AlreadyDecided, proposal.Reject("finance", "Zhou", Now, null).Error);
        Assert.Equal(100_000m, customer.CreditLimit);
    }

    [Fact]
    public void A_superseded_proposal_cannot_be_confirmed()
    {
        var customer = NewCustomer();
        var proposal = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = 1m }, "sales", "Wang", Now, null).Value!;
        proposal.Supersede(Now);

        Assert.Equal(FinanceProposalStatus.Superseded, proposal.Status);
        Assert.Equal(CustomerFinanceProposal.AlreadyDecided, proposal.Confirm(customer, "finance", "Zhou", Now).Error);
    }

    [Fact]
    public void A_proposal_made_against_figures_that_changed_since_is_refused()
    {
        var customer = NewCustomer();
        var first = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = 1m }, "sales", "Wang", Now, null).Value!;
        var second = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = 2m }, "sales", "Wang", Now, null).Value!;
        Assert.True(second.Confirm(customer, "finance", "Zhou", Now).Succeeded);

        Assert.Equal(CustomerFinanceProposal.CustomerChanged, first.Confirm(customer, "finance", "Zhou", Now).Error);
        Assert.Equal(2m, customer.CreditLimit);
    }

    [Fact]
    public void A_proposal_cannot_be_confirmed_against_another_customer()
    {
        var customer = NewCustomer();
        var other = NewCustomer();
        var proposal = CustomerFinanceProposal.Propose(customer, customer.FinanceTerms with { CreditLimit = 1m }, "sales", "Wang", Now, null).Value!;

        Assert.Equal(CustomerFinanceProposal.WrongCustomer, proposal.Confirm(other, "finance", "Zhou", Now).Error);
        Assert.Equal(100_000m, other.CreditLimit);
    }
}
