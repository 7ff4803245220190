using CustomerProcess.Domain.Common;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace CustomerProcess.Web.Features.Account;

/// <summary>The user signs out: the sign-in cookie (and a pending two-factor step) are removed from this browser.</summary>
public static class EndSession
{
    public sealed class Handler(SignInManager<AppUser> signInManager) : IUseCase
    {
        public async Task<Result> HandleAsync()
        {
            await signInManager.SignOutAsync();
            return Result.Success();
        }
    }
}
