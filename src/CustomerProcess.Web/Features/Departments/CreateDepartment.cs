using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Organization;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Web.Infrastructure;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CustomerProcess.Web.Features.Departments;

/// <summary>The administrator adds a department (names in both languages, the head who signs for it); its code is unique.</summary>
public static class CreateDepartment
{
    public sealed class Input : DepartmentInput;

    public sealed class Validator : DepartmentInputValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
            : base(l) =>
            RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Enter the department code."])
                .Matches("^[A-Za-z][A-Za-z0-9]*$").WithMessage(_ => l["The department code may contain only letters and digits."]);
    }

    public sealed class Handler(AppDbContext db) : IUseCase
    {
        public static readonly DomainError CodeUsed = new("department.code-used", "The department code {0} is already used.");

        public async Task<Result<string>> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var code = input.Code.Trim();
            if (await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
            {
                return CodeUsed.With(input.Code);
            }

            var department = new Department(code, input.NameZh.Trim(), input.NameEn.Trim());
            department.AssignHead(string.IsNullOrEmpty(input.HeadUserId) ? null : input.HeadUserId);
            db.Departments.Add(department);
            await db.SaveChangesAsync(cancellationToken);
            return Result<string>.Success(department.NameZh);
        }
    }
}
