using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Demo;

/// <summary>
/// The demo's people. Each is a confirmed account; only the demo person has a password (the one ./run.sh prints), the
/// others' parts are seeded and nobody signs in as them.
/// </summary>
internal static class DemoPeople
{
    /// <param name="password">Set (or reset, so that the printed password always works) when given.</param>
    public static async Task<Guid> EnsureAsync(MarketplaceDbContext db, string email, string? password, TimeProvider clock, CancellationToken cancellationToken)
    {
        var normalized = email.ToUpperInvariant();
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<Marketplace.Core.Identity.User>();
        var person = await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (person is null)
        {
            person = new Marketplace.Core.Identity.User
            {
                Id = Guid.CreateVersion7(), UserName = email, NormalizedUserName = normalized, Email = email, NormalizedEmail = normalized,
                EmailConfirmed = true, LockoutEnabled = true, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                PreferredLanguage = "ja", CreatedAt = clock.GetUtcNow(),
            };
            db.Users.Add(person);
        }
        if (password is { Length: > 0 }) person.PasswordHash = hasher.HashPassword(person, password);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }

    /// <summary>Makes <paramref name="person"/> a member of the organisation with <paramref name="role"/>, unless they already are one.</summary>
    public static async Task EnsureMemberAsync(Func<MarketplaceDbContext> createContext, Guid organisationId, Guid person, string role, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Tenant.Set(organisationId);
        if (await db.Memberships.AnyAsync(m => m.UserId == person, cancellationToken)) return;
        db.Memberships.Add(new Membership(organisationId, person, role, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
