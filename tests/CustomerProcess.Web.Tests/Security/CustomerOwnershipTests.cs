using System.Net;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Seeding;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21, finding 1: a salesperson must not take over (or change) a customer someone else owns.</summary>
[Collection(AppCollection.Name)]
public sealed class CustomerOwnershipTests(AppFactory app)
{
    internal static KeyValuePair<string, string>[] CustomerForm(
        string code, string name, string creditLimit = "300000", string bankAccount = "3567 0000 1111", string creditRating = "B", string? ownerUserId = null)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Code", code), new("Name", name), new("Class", "New"), new("Address", "浙江省杭州市西湖区文三路 1 号"),
            new("TaxNumber", "91330100MA2XXXXX1"), new("BankName", "中国银行杭州分行"), new("BankAccount", bankAccount),
            new("PaymentTerms", "月结 60 天"), new("PaymentTermDays", "60"), new("CreditLimit", creditLimit), new("CreditRating", creditRating),
        };
        if (ownerUserId is not null)
        {
            fields.Add(new("OwnerUserId", ownerUserId));
        }

        return [.. fields];
    }

    [Fact]
    public async Task A_second_salesperson_posting_edit_of_another_salespersons_customer_gets_403_and_nothing_changes()
    {
        var (id, code) = await CreateCustomerAsOwnerAsync();
        var before = await LoadAsync(id);
        var (attackerName, attackerId) = await CreateSalespersonAsync();
        using var attacker = app.CreateBrowserClient();
        await attacker.SignInAsync(attackerName);

        var form = await attacker.GetAsync($"/Customers/Edit/{id}");
        var token = await attacker.TokenFromAsync("/Customers");
        var post = await attacker.PostAsync(
            $"/Customers/Edit/{id}", CustomerForm(code, "Taken Over Ltd.", creditLimit: "9999999", bankAccount: "6222 ATTACKER", creditRating: "A", ownerUserId: attackerId), token);

        Assert.Equal(HttpStatusCode.Forbidden, form.Status);
        Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        var after = await LoadAsync(id);
        Assert.Equal(before.OwnerUserId, after.OwnerUserId);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.BankAccount, after.BankAccount);
        Assert.Equal(before.CreditLimit, after.CreditLimit);
        Assert.Equal(before.CreditRating, after.CreditRating);
    }

    [Fact]
    public async Task A_second_salesperson_cannot_deactivate_reactivate_or_change_the_contacts_of_another_salespersons_customer()
    {
        var (id, _) = await CreateCustomerAsOwnerAsync();
        var contactId = await app.WithDbAsync(db => db.Contacts.Where(c => c.CustomerId == id).Select(c => c.Id).SingleAsync());
        var (attackerName, _) = await CreateSalespersonAsync();
        using var attacker = app.CreateBrowserClient();
        await attacker.SignInAsync(attackerName);
        var token = await attacker.TokenFromAsync("/Customers");

        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync($"/Customers/Deactivate/{id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.PostAsync($"/Customers/Deactivate/{id}", [new("Reason", "mine now")], token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.PostAsync($"/Customers/AddContact/{id}", [new("NewContact.Name", "Eve")], token)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.PostAsync($"/Customers/DeactivateContact/{id}?contactId={contactId}", [], token)).Status);

        var stored = await app.WithDbAsync(db => db.Customers.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == id));
        Assert.Equal(CustomerStatus.Active, stored.Status);
        Assert.Single(stored.Contacts);
        Assert.True(stored.Contacts.Single().IsActive);

        // Deactivated by its owner, it cannot be reactivated by the other salesperson either.
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");
        await owner.SubmitAsync($"/Customers/Deactivate/{id}", [new("Reason", "Closed")]);
        var requestId = await app.WithDbAsync(db => db.CustomerClassChangeRequests.Where(r => r.CustomerId == id && r.MarksInactive).Select(r => r.Id).SingleAsync());
        using var manager = app.CreateBrowserClient();
        await manager.SignInAsync("salesmanager");
        await manager.PostAsync($"/Customers/ApproveClassChange/{requestId}", [], await manager.TokenFromAsync("/Customers/ClassChanges"));
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.PostAsync($"/Customers/Reactivate/{id}", [], token)).Status);
        Assert.Equal(CustomerStatus.Inactive, (await LoadAsync(id)).Status);
    }

    [Fact]
    public async Task The_details_page_offers_edit_buttons_only_to_the_owner_and_the_sales_manager()
    {
        var (id, _) = await CreateCustomerAsOwnerAsync();

        // The quality head reads the file by role (ADR 0025) but does not change it.
        foreach (var (user, mayEdit) in new[] { ("sales", true), ("salesmanager", true), ("quality", false) })
        {
            using var client = app.CreateBrowserClient();
            await client.SignInAsync(user);
            var details = await client.GetAsync($"/Customers/Details/{id}");
            Assert.Equal(HttpStatusCode.OK, details.Status);
            Assert.Equal(mayEdit, details.Document.QuerySelector($"a[href='/Customers/Edit/{id}']") is not null);
            Assert.Equal(mayEdit, details.Document.QuerySelector($"form[action='/Customers/AddContact/{id}']") is not null);
            Assert.Equal(mayEdit, details.Document.QuerySelector($"a[href='/Customers/Deactivate/{id}']") is not null);
        }
    }

    [Fact]
    public async Task Another_salesperson_and_quality_staff_without_an_approved_access_get_403_on_the_details_page()
    {
        var (id, _) = await CreateCustomerAsOwnerAsync();
        var (otherName, _) = await CreateSalespersonAsync();

        foreach (var user in new[] { otherName, "qstaff" })
        {
            using var client = app.CreateBrowserClient();
            await client.SignInAsync(user);
            var details = await client.GetAsync($"/Customers/Details/{id}");
            Assert.Equal(HttpStatusCode.Forbidden, details.Status);
            Assert.NotNull(details.Document.QuerySelector($"a[href='/Archive/Ask/{id}']"));
            Assert.Null(details.Document.QuerySelector("#contacts"));
        }
    }

    [Fact]
    public async Task The_sales_manager_may_edit_a_customer_owned_by_a_salesperson()
    {
        var (id, code) = await CreateCustomerAsOwnerAsync();
        using var manager = app.CreateBrowserClient();
        await manager.SignInAsync("salesmanager");

        var edited = await manager.SubmitAsync($"/Customers/Edit/{id}", CustomerForm(code, "Managed Ltd."));

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        Assert.Equal("Managed Ltd.", (await LoadAsync(id)).Name);
    }

    [Fact]
    public async Task The_owner_posting_a_new_owner_does_not_change_the_owner()
    {
        var (id, code) = await CreateCustomerAsOwnerAsync();
        var (_, otherId) = await CreateSalespersonAsync();
        var ownerBefore = (await LoadAsync(id)).OwnerUserId;
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");

        await owner.SubmitAsync($"/Customers/Edit/{id}", CustomerForm(code, "Still Mine Ltd.", ownerUserId: otherId));

        var after = await LoadAsync(id);
        Assert.Equal(ownerBefore, after.OwnerUserId);
        Assert.NotEqual(otherId, after.OwnerUserId);
    }

    [Fact]
    public async Task The_sales_manager_reassigns_the_owner()
    {
        var (id, code) = await CreateCustomerAsOwnerAsync();
        var (otherName, otherId) = await CreateSalespersonAsync();
        using var manager = app.CreateBrowserClient();
        await manager.SignInAsync("salesmanager");

        var edited = await manager.SubmitAsync($"/Customers/Edit/{id}", CustomerForm(code, "Reassigned Ltd.", ownerUserId: otherId));

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        Assert.Equal(otherId, (await LoadAsync(id)).OwnerUserId);
        using var newOwner = app.CreateBrowserClient();
        await newOwner.SignInAsync(otherName);
        Assert.Equal(HttpStatusCode.OK, (await newOwner.GetAsync($"/Customers/Edit/{id}")).Status);
    }

    /// <summary>A customer created (and so owned) by the demo salesperson "sales", with one contact.</summary>
    internal async Task<(Guid Id, string Code)> CreateCustomerAsOwnerAsync()
    {
        using var owner = app.CreateBrowserClient();
        await owner.SignInAsync("sales");
        var code = "OWN-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await owner.SubmitAsync("/Customers/Create", [.. CustomerForm(code, "Owned Ltd."), new("ContactName", "陈女士")]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        return (Guid.Parse(created.Location!.Split('/').Last()), code);
    }

    internal async Task<(string UserName, string Id)> CreateSalespersonAsync()
    {
        var userName = $"sales2-{Guid.NewGuid():N}"[..20];
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Sales)).Succeeded);
        return (userName, user.Id);
    }

    private Task<Customer> LoadAsync(Guid id) => app.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
}
