using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Identity;
using Marketplace.Core.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Account;

public sealed record SignInRequest(string? Email, string? Password);

/// <summary>
/// Checks the password and starts the browser session (an HttpOnly cookie) that the authorization endpoint reads;
/// the SPA then continues the authorization code flow. Unknown address, wrong password and a locked account all get
/// the same answer, so the page tells nobody who is registered. The tenth wrong password in a row locks the account
/// for 15 minutes and tells its owner by e-mail.
/// </summary>
public static class SignIn
{
    public sealed class Validator : AbstractValidator<SignInRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Required("account.email").MaxChars("account.email", 254);
            RuleFor(x => x.Password).Cascade(CascadeMode.Stop).Required("account.password").MaxChars("account.password", 200);
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(SignInRequest request, UserManager<User> users,
        SignInManager<User> signIn, MarketplaceDbContext db, IEmailSender mail, IOptions<SiteOptions> site, HttpContext http,
        CancellationToken cancellationToken)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var user = await users.FindByEmailAsync(request.Email!.Trim());
        if (user is null)
        {
            users.PasswordHasher.HashPassword(new User(), request.Password!); // the same work as a real check
            await db.AppendAuditAsync(new AuditRecord(null, "anonymous", AuditActions.SignInFailed, "user", null, ip, new { reason = "unknown-address" }), cancellationToken);
            return Failed();
        }

        if (!user.EmailConfirmed)
        {
            // Identity would answer "not allowed" before looking at the password; check it first, so only the
            // address's owner learns that the confirmation is missing.
            if (!await users.IsLockedOutAsync(user) && await users.CheckPasswordAsync(user, request.Password!))
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: Localization.CurrentLanguage == "en" ? "Please confirm your e-mail address first." : "メールアドレスの確認が済んでいません。",
                    detail: Localization.CurrentLanguage == "en"
                        ? "Open the link in the confirmation message we sent you, then sign in."
                        : "お送りした確認メールのリンクを開いてから、サインインしてください。");
            await users.AccessFailedAsync(user);
            await db.AppendAuditAsync(new AuditRecord(null, "anonymous", AuditActions.SignInFailed, "user", user.Id.ToString(), ip, new { reason = "unconfirmed" }), cancellationToken);
            return Failed();
        }

        var wasLocked = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, request.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await db.AppendAuditAsync(new AuditRecord(null, user.Id.ToString(), AuditActions.SignedIn, "user", user.Id.ToString(), ip), cancellationToken);
            return TypedResults.NoContent();
        }

        if (result.IsLockedOut && !wasLocked)
            await Passwords.TellOfLockoutAsync(user, "anonymous", ip, users, db, mail, site.Value, cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(null, "anonymous", AuditActions.SignInFailed, "user", user.Id.ToString(), ip,
            new { reason = result.IsLockedOut ? "locked-out" : "wrong-password" }), cancellationToken);
        return Failed();
    }

    private static ProblemHttpResult Failed() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: Localization.CurrentLanguage == "en" ? "The e-mail address or password is not correct." : "メールアドレスまたはパスワードが正しくありません。",
        detail: Localization.CurrentLanguage == "en"
            ? "After ten wrong passwords in a row the account is locked for 15 minutes. If you have forgotten your password, reset it."
            : "10 回続けて誤るとアカウントが 15 分間ロックされます。パスワードをお忘れの場合は再設定してください。");
}
