using System.Globalization;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Department code → name in the reader's language, for forms that name departments (the review form and
/// its PDF, task notices, complaints, the complaint analysis, the "section signed" message). Departments are
/// reference data that an administrator seldom renames, yet every one of those pages read the whole table:
/// the names are kept in <see cref="CountCache"/> until a department is saved in this process (its
/// <see cref="ChangeGenerations"/> counter is in the key) or for at most the cache's time-to-live.
/// </summary>
public sealed class DepartmentNames(AppDbContext db, CountCache cache, ChangeGenerations generations)
{
    public Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken)
    {
        var chinese = Formatting.IsChinese;
        var key = string.Join('\u001f', "department-names", generations.Of<Department>().ToString(CultureInfo.InvariantCulture), chinese ? "zh" : "en");
        return cache.GetOrComputeAsync<IReadOnlyDictionary<string, string>>(key, async () =>
            await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => chinese ? d.NameZh : d.NameEn, StringComparer.Ordinal, cancellationToken));
    }

    /// <summary>The department's name, or the code itself when no department has it.</summary>
    public async Task<string> OfAsync(string code, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).GetValueOrDefault(code, code);
}
