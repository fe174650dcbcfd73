using Marketplace.Core.Hosting;
using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Core.Demo;

/// <summary>
/// The demo data set that ./run.sh loads. Idempotent: running it again adds only what is missing. Every later
/// feature extends it so that a newcomer's first look shows each capability with realistic companies.
/// </summary>
public static class DemoSeeder
{
    public sealed record DemoOrganisation(string Name, OrganisationKind Kind, string ContactEmail);

    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new("株式会社さくら物産", OrganisationKind.Client, "procurement@sakura-bussan.example.jp"),
        new("みなと精機株式会社", OrganisationKind.Client, "kobai@minato-seiki.example.jp"),
        new("青葉ホールディングス株式会社", OrganisationKind.Client, "sourcing@aoba-hd.example.jp"),
        new("東京ビジネスサポート株式会社", OrganisationKind.Vendor, "sales@tokyo-bizsupport.example.jp"),
        new("北斗データサービス株式会社", OrganisationKind.Vendor, "info@hokuto-data.example.jp"),
        new("株式会社なにわアウトソーシング", OrganisationKind.Vendor, "contact@naniwa-os.example.jp"),
        new("ミライ経理パートナーズ株式会社", OrganisationKind.Vendor, "hello@mirai-keiri.example.jp"),
        new("株式会社九州コンタクトセンター", OrganisationKind.Vendor, "eigyo@kyushu-cc.example.jp"),
    ];

    /// <summary>The demo person: owner of the first client and the first vendor, to show switching between them.</summary>
    public const string DemoEmail = "demo@marketplace.example";

    /// <param name="createContext">A new context per organisation: registering one sets the scope's organisation.</param>
    /// <param name="demoPassword">The demo person's password; no demo person is created without one.</param>
    /// <returns>How many organisations were added (0 when the demo set is already there).</returns>
    public static async Task<int> SeedAsync(Func<MarketplaceDbContext> createContext, string? demoPassword, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        Guid? demoPerson = null;
        List<string> existing;
        await using (var db = createContext())
        {
            var names = Organisations.Select(o => o.Name).ToList();
            existing = await db.Organisations.Where(o => names.Contains(o.Name)).Select(o => o.Name).ToListAsync(cancellationToken);
            if (demoPassword is { Length: > 0 })
                demoPerson = await EnsureDemoPersonAsync(db, demoPassword, clock, cancellationToken);
        }
        var missing = Organisations.Where(o => !existing.Contains(o.Name)).ToList();
        foreach (var o in missing)
        {
            await using var db = createContext();
            await db.RegisterAsync(o.Name, o.Kind, o.ContactEmail, "ja", ownerUserId: null, "system:demo-seed", null, clock, cancellationToken);
        }
        if (demoPerson is { } person)
        {
            // Also on a database seeded before the demo person existed.
            foreach (var o in new[] { Organisations.First(x => x.Kind == OrganisationKind.Client), Organisations.First(x => x.Kind == OrganisationKind.Vendor) })
                await EnsureOwnerAsync(createContext, o.Name, person, clock, cancellationToken);
        }
        return missing.Count;
    }

    private static async Task EnsureOwnerAsync(Func<MarketplaceDbContext> createContext, string organisationName, Guid person, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        Guid organisationId;
        await using (var lookup = createContext())
            organisationId = await lookup.Organisations.Where(x => x.Name == organisationName).Select(x => x.Id).SingleAsync(cancellationToken);
        await using var db = createContext();
        db.Tenant.Set(organisationId);
        if (await db.Memberships.AnyAsync(m => m.UserId == person, cancellationToken)) return;
        db.Memberships.Add(new Membership(organisationId, person, OrganisationRoles.Owner, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Guid> EnsureDemoPersonAsync(MarketplaceDbContext db, string password, TimeProvider clock, CancellationToken cancellationToken)
    {
        var normalized = DemoEmail.ToUpperInvariant();
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<Identity.User>();
        if (await db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken) is { } existing)
        {
            // The password ./run.sh prints is always the one that works.
            existing.PasswordHash = hasher.HashPassword(existing, password);
            await db.SaveChangesAsync(cancellationToken);
            return existing.Id;
        }
        var person = new Identity.User
        {
            Id = Guid.CreateVersion7(),
            UserName = DemoEmail,
            NormalizedUserName = normalized,
            Email = DemoEmail,
            NormalizedEmail = normalized,
            EmailConfirmed = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            PreferredLanguage = "ja",
            CreatedAt = clock.GetUtcNow(),
        };
        person.PasswordHash = hasher.HashPassword(person, password);
        db.Users.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return person.Id;
    }
}
