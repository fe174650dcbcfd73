using Marketplace.Core.Data;
using Marketplace.Core.Identity;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Api.Infrastructure;

public static class IdentitySetup
{
    public static IHostApplicationBuilder AddMarketplaceIdentity(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<User>(options =>
            {
                // Length over composition rules (NIST SP 800-63B): at least 10 characters, not one repeated.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = ""; // the user name is the e-mail address, any valid one
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>() // the platform operator role
            .AddEntityFrameworkStores<MarketplaceDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        // Confirmation links stay valid for a day.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(24));
        return builder;
    }
}

/// <summary>Identity's messages in the request's language (its own are English only).</summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{

    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = TextCatalogue.Say("password.tooShort", new { length }),
    };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new()
    {
        Code = nameof(PasswordRequiresUniqueChars),
        Description = TextCatalogue.Say("password.uniqueChars", new { count = uniqueChars }),
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = ValidationRules.InvalidLinkMessage(),
    };

    public override IdentityError DefaultError() => new()
    {
        Code = nameof(DefaultError),
        Description = TextCatalogue.Say("common.tryAgain"),
    };
}
