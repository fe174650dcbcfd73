using Marketplace.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Identity;

/// <summary>
/// The platform's own staff (verification of certifications, moderation): an Identity role, not a membership, so
/// an operator belongs to no tenant and reads no tenant's data by being one. Granted only from the command line.
/// </summary>
public static class PlatformOperators
{
    public const string Role = "operator";

    /// <returns>False when no account has <paramref name="email"/>.</returns>
    public static async Task<bool> GrantAsync(MarketplaceDbContext db, string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var userId = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        if (userId is null) return false;

        var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == Role.ToUpperInvariant(), cancellationToken);
        if (role is null)
        {
            role = new IdentityRole<Guid> { Id = Guid.CreateVersion7(), Name = Role, NormalizedName = Role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() };
            db.Roles.Add(role);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // The first two grants at the same moment both found no role: the other one's stands.
                db.ChangeTracker.Clear();
                role = await db.Roles.SingleAsync(r => r.NormalizedName == Role.ToUpperInvariant(), cancellationToken);
            }
        }
        if (!await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == role.Id, cancellationToken))
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = userId.Value, RoleId = role.Id });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
