using System.Security.Claims;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>Who acts, as the record keeps it: the person's display name and the department (code) they act for,
/// read when they act and stored with the act, never the login name (docs/adr/0035).</summary>
public sealed record Actor(string Name, string? DepartmentCode);

public static class Actors
{
    /// <summary>The signed-in user as an actor: display name and department at this moment. A user without a display
    /// name (should not exist) falls back to the login name so that the record still says who acted.</summary>
    public static async Task<Actor> ActorAsync(this AppDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var row = userId is null
            ? null
            : await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.DisplayName, Department = db.Departments.Where(d => d.Id == u.DepartmentId).Select(d => d.Code).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
        return row is null || string.IsNullOrWhiteSpace(row.DisplayName)
            ? new Actor(user.Identity?.Name ?? "system", row?.Department)
            : new Actor(row.DisplayName, row.Department);
    }

    /// <summary>"Name (department)" as records show who acted; the department in the reader's language, its code when unknown.</summary>
    public static string Describe(string? name, string? departmentCode, IReadOnlyDictionary<string, string> departmentNames) =>
        string.IsNullOrEmpty(name) ? ""
        : string.IsNullOrEmpty(departmentCode) ? name
        : $"{name} ({departmentNames.GetValueOrDefault(departmentCode, departmentCode)})";
}
