using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Api.Features.Account;

/// <param name="Token">The token from the confirmation link, as it appears there (base64url).</param>
public sealed record ConfirmEmailRequest(Guid? UserId, string? Token);

public static class ConfirmEmail
{
    public sealed class Validator : AbstractValidator<ConfirmEmailRequest>
    {
        public Validator()
        {
            RuleFor(x => x.UserId).NotNull().WithMessage(_ => ValidationRules.InvalidLinkMessage());
            RuleFor(x => x.Token).Required("account.token").MaxChars("account.token", 2000);
        }
    }

    /// <summary>An unknown user, a forged token and an expired one all get the same answer.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> Handle(ConfirmEmailRequest request, UserManager<User> users,
        MarketplaceDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var invalid = Passwords.InvalidLink();

        if (Passwords.DecodeToken(request.Token!) is not { } token)
            return invalid;

        if (await users.FindByIdAsync(request.UserId!.Value.ToString()) is not { } user)
            return invalid;
        if (user.EmailConfirmed)
            return TypedResults.NoContent(); // a second click on the same link is not an error

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
            return invalid;
        await db.AppendAuditAsync(new AuditRecord(null, user.Id.ToString(), "account.email-confirmed", "user", user.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
