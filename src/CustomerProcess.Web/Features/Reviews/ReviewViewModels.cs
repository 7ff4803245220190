using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Web.Features.Reviews;

public sealed record ReviewDetailsViewModel(
    Review Review,
    SalesOrder Order,
    Customer Customer,
    IReadOnlyDictionary<string, string> DepartmentNames,
    IReadOnlySet<string> SignableDepartments,
    bool IsSalesManager,
    bool IsGeneralManager,
    Contract? Contract,
    string? ErrorSection = null,
    SignInput? PostedSignature = null,
    IReadOnlyDictionary<Guid, IReadOnlyList<Attachments.AttachmentListItem>>? Evidence = null)
{
    public bool IsOpen => Review.Status is ReviewStatus.InProgress or ReviewStatus.AwaitingApproval;

    public string DepartmentName(string code) => DepartmentNames.TryGetValue(code, out var name) ? name : code;
}
