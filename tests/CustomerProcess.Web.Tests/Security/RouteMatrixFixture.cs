using CustomerProcess.Domain.Complaints;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Real records the matrix rows point at, created once when the fixture starts. All belong to the demo
/// salesperson's customer C-0001; the contract went through the review its order was routed to
/// (<see cref="ContractReviewDepartments"/>).</summary>
public sealed record RouteMatrixRecords(
    string ThrowawayUserId, Guid SalesComplaintId, Guid ComplaintAttachmentId, Guid SalesDraftOrderId,
    Guid ContractId, Guid ContractOrderId, Guid ContractReviewId, IReadOnlyList<string> ContractReviewDepartments, Guid DemoCustomerId);

/// <summary>
/// The app of the security suite (its own database) with one signed-in session per demo user and an anonymous
/// one, made once: signing in is slow.
/// </summary>
public sealed class RouteMatrixFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new();

    /// <summary>Key: the role, or "anonymous".</summary>
    public IReadOnlyDictionary<string, RouteMatrixSession> Sessions { get; private set; } = new Dictionary<string, RouteMatrixSession>();

    public RouteMatrixRecords Records { get; private set; } = null!;

    public const string Anonymous = "anonymous";

    /// <summary>A second salesperson (role Sales, Sales department) for the object-level cases.</summary>
    public const string SecondSalesperson = "sales2";

    private readonly Dictionary<string, BrowserLikeClient> _browsers = new(StringComparer.Ordinal);

    /// <summary>A browser-like client signed in as <paramref name="userName"/>, made once per user.</summary>
    public async Task<BrowserLikeClient> AsAsync(string userName)
    {
        if (!_browsers.TryGetValue(userName, out var client))
        {
            if (userName == SecondSalesperson)
            {
                await CreateUserAsync(SecondSalesperson, "Second salesperson", Domain.Security.Roles.Sales, "Sales");
            }

            client = App.CreateBrowserClient();
            await client.SignInAsync(userName);
            _browsers[userName] = client;
        }

        return client;
    }

    public Task<string> UserIdAsync(string userName) =>
        App.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    public HttpClient NewHttpClient() =>
        App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async Task InitializeAsync()
    {
        var sessions = new Dictionary<string, RouteMatrixSession>(StringComparer.Ordinal)
        {
            [Anonymous] = await RouteMatrixSession.AnonymousAsync(NewHttpClient()),
        };
        foreach (var (role, userName) in AuthorizationMatrix.DemoUsers)
        {
            sessions[role] = await RouteMatrixSession.SignInAsync(NewHttpClient(), userName);
        }

        Sessions = sessions;
        var complaintId = await SalesComplaintAsync();
        var contract = await new Tracking.TrackingDriver(App).SignedContractAsync("C-0001", Domain.Customers.CustomerClass.Regular);
        var departments = await App.WithDbAsync(db => db.Reviews.AsNoTracking().Where(r => r.Id == contract.ReviewId).SelectMany(r => r.Sections).Select(s => s.DepartmentCode).OrderBy(d => d).ToListAsync());
        Records = new RouteMatrixRecords(
            await ThrowawayUserAsync(), complaintId, await AttachmentAsync(complaintId), await SalesDraftAsync(),
            contract.Id, contract.OrderId, contract.ReviewId, departments,
            await App.WithDbAsync(db => db.Customers.Where(c => c.Code == "C-0001").Select(c => c.Id).SingleAsync()));
    }

    public async Task DisposeAsync()
    {
        foreach (var session in Sessions.Values)
        {
            session.Dispose();
        }

        foreach (var browser in _browsers.Values)
        {
            browser.Dispose();
        }

        await App.DisposeAsync();
    }

    /// <summary>A user the /Users rows may post against (an empty SetActive deactivates whom it names).</summary>
    private Task<string> ThrowawayUserAsync() => CreateUserAsync("matrix-throwaway", "Matrix throwaway", null, "IT");

    private async Task<string> CreateUserAsync(string userName, string displayName, string? role, string departmentCode)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<CustomerProcess.Infrastructure.Persistence.AppDbContext>();
        var user = new AppUser
        {
            UserName = userName,
            Email = $"{userName}@example.com",
            EmailConfirmed = true,
            DisplayName = displayName,
            DepartmentId = await db.Departments.Where(d => d.Code == departmentCode).Select(d => d.Id).SingleAsync(),
            CreatedAtUtc = DateTime.UtcNow,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, CustomerProcess.Infrastructure.Seeding.DemoData.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return user.Id;
    }

    /// <summary>A draft order of the demo salesperson, never submitted.</summary>
    private async Task<Guid> SalesDraftAsync()
    {
        using var saved = await Sessions[Domain.Security.Roles.Sales].SendAsync(HttpMethod.Post, "/Orders/Create", ReviewSpine.ReviewDriver.OrderForm("C-0001", 1, 100m, command: "save"));
        Assert.True(saved.StatusCode == System.Net.HttpStatusCode.Redirect, $"Draft not saved: {(int)saved.StatusCode}");
        return Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<Guid> AttachmentAsync(Guid complaintId)
    {
        var attachment = Domain.Attachments.Attachment.Create(Domain.Attachments.AttachmentOwner.Complaint, complaintId, "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1], null, "何质检 He (Quality staff)", DateTime.UtcNow).Value!;
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerProcess.Infrastructure.Persistence.AppDbContext>();
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    /// <summary>An open complaint of C-0001, the demo salesperson's customer, logged by quality staff.</summary>
    private async Task<Guid> SalesComplaintAsync()
    {
        var qstaff = Sessions[Domain.Security.Roles.QualityStaff];
        using var created = await qstaff.SendAsync(HttpMethod.Post, "/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Minor"), new("Description", "Matrix probe"), new("ReceivedAt", "2026-11-23T08:30")]);
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Redirect, $"Complaint not logged: {(int)created.StatusCode}");
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        Assert.Equal(ComplaintStatus.Logged, await App.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        return id;
    }
}

[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<RouteMatrixFixture>
{
    public const string Name = "security";
}
