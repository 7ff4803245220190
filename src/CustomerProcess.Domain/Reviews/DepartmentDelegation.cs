using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Reviews;

/// <summary>A department head lets a deputy sign for the department between two dates (inclusive).</summary>
public sealed class DepartmentDelegation : BusinessRecord
{
    public const int NoteLength = 500;

    public static readonly DomainError BadRange = new("delegation.range", "The end date must not be before the start date.");

    private DepartmentDelegation()
    {
    }

    public DepartmentDelegation(string departmentCode, string fromUserId, string toUserId, DateOnly startsOn, DateOnly endsOn, string? note)
    {
        DepartmentCode = departmentCode;
        FromUserId = fromUserId;
        ToUserId = toUserId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Note = note;
    }

    public string DepartmentCode { get; private set; } = "";

    public string FromUserId { get; private set; } = "";

    public string ToUserId { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public string? Note { get; private set; }

    public bool IsRevoked { get; private set; }

    public bool IsActiveOn(DateOnly day) => !IsRevoked && day >= StartsOn && day <= EndsOn;

    public void Revoke() => IsRevoked = true;

    public static Result Validate(DateOnly startsOn, DateOnly endsOn) => endsOn < startsOn ? BadRange : Result.Success();
}
