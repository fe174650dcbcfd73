using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Identity;
using Marketplace.Core.Mail;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Account;

public sealed record ForgotPasswordRequest(string? Email);

/// <param name="Token">The token from the reset link, as it appears there (base64url).</param>
public sealed record ResetPasswordRequest(Guid? UserId, string? Token, string? NewPassword);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>
/// Forgotten password: a link by e-mail (the same answer whether or not the address has an account), then a new
/// password. Changing or resetting a password renews the account's security stamp, which ends every other session:
/// refresh tokens issued before are refused at the token endpoint.
/// </summary>
public static class PasswordReset
{
    public sealed class ForgotValidator : AbstractValidator<ForgotPasswordRequest>
    {
        public ForgotValidator() =>
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop).Required("account.email").MaxChars("account.email", 254).Email("account.email");
    }

    public sealed class ResetValidator : AbstractValidator<ResetPasswordRequest>
    {
        public ResetValidator()
        {
            RuleFor(x => x.UserId).NotNull().WithMessage(_ => ValidationRules.InvalidLinkMessage());
            RuleFor(x => x.Token).Required("account.token").MaxChars("account.token", 2000);
            RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop).Required("account.newPassword").MaxChars("account.newPassword", 200);
        }
    }

    public sealed class ChangeValidator : AbstractValidator<ChangePasswordRequest>
    {
        public ChangeValidator()
        {
            RuleFor(x => x.CurrentPassword).Cascade(CascadeMode.Stop).Required("account.currentPassword").MaxChars("account.currentPassword", 200);
            RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop).Required("account.newPassword").MaxChars("account.newPassword", 200);
        }
    }

    public static async Task<Accepted<SignUpAccepted>> Forgot(ForgotPasswordRequest request, UserManager<User> users, MarketplaceDbContext db,
        IEmailSender mail, IOptions<SiteOptions> site, HttpContext http, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var user = await users.FindByEmailAsync(email);
        var (subject, body) = user is null
            ? EmailTemplates.ResetWithoutAccount(Localization.CurrentLanguage, site.Value.PublicUrl.TrimEnd('/'))
            : EmailTemplates.ResetPassword(user.PreferredLanguage,
                Passwords.Link(site.Value.PublicUrl, "reset-password", user.Id, await users.GeneratePasswordResetTokenAsync(user)));
        await mail.SendAsync(new EmailMessage(email, null, subject, body), cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(null, "anonymous", AuditActions.PasswordResetRequested, "user", user?.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        return TypedResults.Accepted((string?)null, new SignUpAccepted(Localization.CurrentLanguage == "en"
            ? "If this address has an account, we have sent it a link to choose a new password."
            : "入力されたアドレス宛てに、パスワード再設定の案内を送信しました。メールをご確認ください。"));
    }

    public static async Task<Results<NoContent, ValidationProblem>> Reset(ResetPasswordRequest request, UserManager<User> users,
        MarketplaceDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (Passwords.DecodeToken(request.Token!) is not { } token || await users.FindByIdAsync(request.UserId!.Value.ToString()) is not { } user)
            return Passwords.InvalidLink();
        var problems = await Passwords.ProblemsAsync(users, user, request.NewPassword);
        if (problems.Length > 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["newPassword"] = problems });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, token, request.NewPassword!);
        if (!result.Succeeded)
            return Passwords.InvalidLink();
        // The link came to the address, so the address is confirmed; a lockout ends with the new password.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.AppendAuditAsync(new AuditRecord(null, user.Id.ToString(), AuditActions.PasswordReset, "user", user.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> Change(ChangePasswordRequest request, UserManager<User> users,
        SignInManager<User> signIn, CurrentActor actor, MarketplaceDbContext db, IEmailSender mail, IOptions<SiteOptions> site, HttpContext http,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(actor.RequireUserId().ToString()) ?? throw new InvalidOperationException("The signed-in user is gone.");
        // Wrong current passwords count towards the same lockout as sign-in, so a stolen session cannot guess the
        // password here instead (and the limiter on this route bounds the pace).
        var wasLocked = await users.IsLockedOutAsync(user);
        var check = await signIn.CheckPasswordSignInAsync(user, request.CurrentPassword!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            if (check.IsLockedOut && !wasLocked)
                await Passwords.TellOfLockoutAsync(user, user.Id.ToString(), http.Connection.RemoteIpAddress?.ToString(), users, db, mail, site.Value, cancellationToken);
            var english = Localization.CurrentLanguage == "en";
            var minutes = (int)users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["currentPassword"] = [check.IsLockedOut
                    ? english
                        ? $"Too many wrong passwords: the account is locked for {minutes} minutes. Try again later, or reset the password."
                        : $"パスワードの誤りが続いたため、アカウントを {minutes} 分間ロックしました。時間をおいてお試しいただくか、パスワードを再設定してください。"
                    : english ? "The current password is not correct." : "現在のパスワードが正しくありません。"],
            });
        }
        var problems = await Passwords.ProblemsAsync(users, user, request.NewPassword);
        if (problems.Length > 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["newPassword"] = problems });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
            throw new InvalidOperationException("Changing the password failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        await db.AppendAuditAsync(new AuditRecord(null, user.Id.ToString(), AuditActions.PasswordChanged, "user", user.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // This browser's session continues (its cookie gets the new stamp); every other session has ended.
        if ((await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Principal is { } session && users.GetUserId(session) == user.Id.ToString())
            await signIn.RefreshSignInAsync(user);
        return TypedResults.NoContent();
    }
}
