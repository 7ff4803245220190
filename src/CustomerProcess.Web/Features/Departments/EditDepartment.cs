using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Departments;

/// <summary>The administrator renames a department or names its head. The code is fixed once created (a posted code
/// is ignored); a form loaded on an older version is refused (<see cref="EditConflicts"/>).</summary>
public static class EditDepartment
{
    public sealed class Input : DepartmentInput;

    public sealed class Validator(IStringLocalizer<SharedResource> l) : DepartmentInputValidator<Input>(l);

    public sealed class Handler(AppDbContext db, EditConflicts conflicts) : IUseCase
    {
        public static readonly DomainError NotFound = DomainError.NotFound("department.not-found", "The department does not exist.");
        public static readonly DomainError Stale = DomainError.Conflict("department.stale", "Someone else changed this record while you were editing.");

        public async Task<Result> HandleAsync(Guid departmentId, Input input, CancellationToken cancellationToken)
        {
            var department = await db.Departments.FirstOrDefaultAsync(d => d.Id == departmentId, cancellationToken);
            return await conflicts.EditAtVersionAsync(
                department,
                input.Version,
                NotFound,
                Stale,
                d =>
                {
                    d.Rename(input.NameZh.Trim(), input.NameEn.Trim());
                    d.AssignHead(string.IsNullOrEmpty(input.HeadUserId) ? null : input.HeadUserId);
                },
                cancellationToken);
        }
    }
}
