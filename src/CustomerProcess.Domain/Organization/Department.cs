using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Organization;

/// <summary>A department is data: names in both languages and its head.</summary>
public sealed class Department : BusinessRecord, IVersioned
{
    public const int CodeLength = 32;
    public const int NameLength = 100;

    private Department()
    {
    }

    public Department(string code, string nameZh, string nameEn)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
    }

    /// <summary>Stable code used by review sections (e.g. "Quality").</summary>
    public string Code { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string? HeadUserId { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public void Rename(string nameZh, string nameEn)
    {
        NameZh = nameZh;
        NameEn = nameEn;
    }

    public void AssignHead(string? userId) => HeadUserId = userId;

    public void SetActive(bool active) => IsActive = active;

    public string NameFor(bool chinese) => chinese ? NameZh : NameEn;
}
