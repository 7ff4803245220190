using CustomerProcess.Domain.Common;

namespace CustomerProcess.Domain.Customers;

/// <summary>A contact person at a customer.</summary>
public sealed class Contact : BusinessRecord
{
    public const int NameLength = 100;
    public const int PhoneLength = 40;
    public const int EmailLength = 200;

    private Contact()
    {
    }

    public Contact(Guid customerId, string name, string? title, string? phone, string? email, bool isPrimary)
    {
        CustomerId = customerId;
        Update(name, title, phone, email, isPrimary);
    }

    public Guid CustomerId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Title { get; private set; }

    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public bool IsPrimary { get; private set; }

    /// <summary>Contacts are never deleted; a removed contact is marked inactive.</summary>
    public bool IsActive { get; private set; } = true;

    public void Update(string name, string? title, string? phone, string? email, bool isPrimary)
    {
        Name = name;
        Title = title;
        Phone = phone;
        Email = email;
        IsPrimary = isPrimary;
    }

    public void Deactivate()
    {
        IsActive = false;
        IsPrimary = false;
    }
}
