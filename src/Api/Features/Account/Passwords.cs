using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Identity;
using Marketplace.Core.Mail;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Api.Features.Account;

internal static class Passwords
{
    /// <summary>Every password rule's complaint about <paramref name="password"/>, in the request's language.</summary>
    public static async Task<string[]> ProblemsAsync(UserManager<User> users, User user, string? password)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return [.. problems];
    }

    /// <summary>
    /// The account has just been locked by wrong passwords (at sign-in or when changing the password): its owner is
    /// told by e-mail, and the audit log keeps it.
    /// </summary>
    public static async Task TellOfLockoutAsync(User user, string actor, string? ip, UserManager<User> users, MarketplaceDbContext db,
        IEmailSender mail, SiteOptions site, CancellationToken cancellationToken)
    {
        var minutes = (int)users.Options.Lockout.DefaultLockoutTimeSpan.TotalMinutes;
        var (subject, body) = EmailTemplates.LockedOut(user.PreferredLanguage, minutes, site.PublicUrl.TrimEnd('/'));
        await mail.SendAsync(new EmailMessage(user.Email!, null, subject, body), cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(null, actor, AuditActions.LockedOut, "user", user.Id.ToString(), ip), cancellationToken);
    }

    /// <summary>"/account/{page}?user=..&amp;token=.." with the token base64url-encoded, as the SPA's pages expect it.</summary>
    public static string Link(string publicUrl, string page, Guid userId, string token) =>
        $"{publicUrl.TrimEnd('/')}/account/{page}?user={userId}&token={Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";

    /// <summary>The answer for a link that cannot be used: unknown user, forged token and expired token read alike.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem InvalidLink(string field = "token") =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Infrastructure.ValidationRules.InvalidLinkMessage()] },
            title: Infrastructure.Localization.CurrentLanguage == "en" ? "The link cannot be used." : "リンクを確認できませんでした。");

    /// <summary>Decodes a token from such a link; null when it is not base64url.</summary>
    public static string? DecodeToken(string token)
    {
        try { return System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token)); }
        catch (FormatException) { return null; }
    }
}
