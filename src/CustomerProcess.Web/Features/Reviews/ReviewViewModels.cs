using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Web.Features.Reviews;

public sealed record ReviewDetailsViewModel(
    Review Review,
    ReviewSubjectView Subject,
    IReadOnlyDictionary<string, string> DepartmentNames,
    IReadOnlySet<string> SignableDepartments,
    bool IsSalesManager,
    bool IsGeneralManager,
    Contract? Contract,
    string? ErrorSection = null,
    SignSection.Input? PostedSignature = null,
    IReadOnlyDictionary<Guid, IReadOnlyList<Attachments.AttachmentListItem>>? Evidence = null)
{
    public bool IsOpen => Review.Status is ReviewStatus.InProgress or ReviewStatus.AwaitingApproval;

    /// <summary>The order whose lines and requirements are reviewed (an order, or a contract change's revised order);
    /// null for subjects without one (a tender).</summary>
    public SalesOrder? Order => Subject.Order;

    public Customer? Customer => Subject.Customer;

    /// <summary>The user concludes this review (sales manager or business unit head, by the review's concluder).</summary>
    public bool IsConcluder { get; init; }

    /// <summary>The customer property register entries of the reviewed order (docs/process.md §8); null without an order.</summary>
    public CustomerProperty.OrderPropertyView? Property { get; init; }

    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : code;
}
