using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Identity;
using Marketplace.Core.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Account;

/// <param name="PreferredLanguage">"ja" (default: the request's language) or "en": the language of the account's e-mails.</param>
public sealed record SignUpRequest(string? Email, string? Password, string? PreferredLanguage);

public sealed record SignUpAccepted(string Message);

/// <summary>
/// Creates an account and sends the confirmation link. The answer is the same whether or not the address already
/// has an account (an existing one gets a "you already have an account" mail instead), so sign-up never tells a
/// stranger who is registered. The mail goes out before the transaction commits: if it cannot be sent, nothing is
/// saved and the caller gets 503. The token itself is never stored.
/// </summary>
public static class SignUp
{
    public sealed class Validator : AbstractValidator<SignUpRequest>
    {
        public Validator()
        {
            RuleFor(x => x.Email).Cascade(CascadeMode.Stop)
                .Required("account.email").MaxChars("account.email", 254).Email("account.email");
            RuleFor(x => x.Password).Cascade(CascadeMode.Stop)
                .Required("account.password").MaxChars("account.password", 200);
            RuleFor(x => x.PreferredLanguage).OneOf("account.preferredLanguage", ValidationRules.Languages, optional: true);
        }
    }

    public static async Task<Results<Accepted<SignUpAccepted>, ValidationProblem>> Handle(SignUpRequest request, UserManager<User> users,
        MarketplaceDbContext db, IEmailSender mail, IOptions<SiteOptions> site, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var candidate = new User
        {
            UserName = email,
            Email = email,
            PreferredLanguage = request.PreferredLanguage ?? Localization.CurrentLanguage,
            CreatedAt = clock.GetDatabaseNow(),
        };

        // Password rules first, for every address, so a refusal says nothing about who is registered.
        var passwordErrors = await Passwords.ProblemsAsync(users, candidate, request.Password);
        if (passwordErrors.Length > 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["password"] = passwordErrors });

        var ip = http.Connection.RemoteIpAddress?.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(candidate, request.Password!);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // A simultaneous sign-up for the same address committed first (PostgreSQL reports the violation only
                // once it has): answer as for any registered address.
                created = IdentityResult.Failed(new IdentityError { Code = nameof(IdentityErrorDescriber.DuplicateUserName) });
            }
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)))
                return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["email"] = [ValidationRules.InvalidEmailMessage("account.email")] });
            if (!created.Succeeded && created.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await Handle(request, users, db, mail, site, http, clock, cancellationToken);
            }
            if (!created.Succeeded)
                throw new InvalidOperationException("Creating the account failed: " + string.Join("; ", created.Errors.Select(e => e.Code)));
            var token = await users.GenerateEmailConfirmationTokenAsync(candidate);
            var link = Passwords.Link(site.Value.PublicUrl, "confirm", candidate.Id, token);
            var (subject, body) = EmailTemplates.ConfirmEmail(candidate.PreferredLanguage, link);
            await mail.SendAsync(new EmailMessage(email, null, subject, body), cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(null, candidate.Id.ToString(), "account.signed-up", "user", candidate.Id.ToString(), ip), cancellationToken);
        }
        else
        {
            users.PasswordHasher.HashPassword(candidate, request.Password!); // same work as a new account: no timing hint
            var (subject, body) = EmailTemplates.AlreadyRegistered(existing.PreferredLanguage, site.Value.PublicUrl);
            await mail.SendAsync(new EmailMessage(email, null, subject, body), cancellationToken);
            await db.AppendAuditAsync(new AuditRecord(null, "anonymous", "account.sign-up-for-existing-address", "user", existing.Id.ToString(), ip), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        return TypedResults.Accepted((string?)null, new SignUpAccepted(Localization.CurrentLanguage == "en"
            ? "We have sent a message to this address. Open the link in it to continue."
            : "入力されたアドレスにメールを送信しました。メール内のリンクを開いて手続きを続けてください。"));
    }
}
