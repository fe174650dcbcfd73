using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests;

/// <summary>
/// The EF model the configurations build (Data/Configurations, one per entity) is the one the last migration's snapshot
/// describes: a mapping changed without a migration, or moved and changed on the way, fails here.
/// </summary>
public sealed class ModelMatchesMigrations
{
    [Fact]
    public void The_model_has_no_change_that_a_migration_does_not_hold()
    {
        using var db = Database.Open();
        Assert.False(db.Database.HasPendingModelChanges(), "the model differs from the migrations' snapshot: add a migration (dotnet ef migrations add)");
    }

    [Fact]
    public void Every_entity_of_the_model_is_mapped_by_its_own_configuration()
    {
        using var db = Database.Open();
        var configured = typeof(Marketplace.Core.Data.MarketplaceDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces()).Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
            .Select(i => i.GetGenericArguments()[0]).ToHashSet();
        // The libraries' own entities (Identity, OpenIddict, Data Protection) are mapped by them; the product's by a configuration each.
        // (Identity's user is mapped with Identity's tables; owned types with their owner.)
        var ours = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => e.ClrType)
            .Where(t => t.Namespace?.StartsWith("Marketplace.", StringComparison.Ordinal) == true && t != typeof(Marketplace.Core.Identity.User)).ToList();
        Assert.NotEmpty(ours);
        var unmapped = ours.Where(t => !configured.Contains(t)).Select(t => t.Name).Order().ToList();
        Assert.True(unmapped.Count == 0, $"no configuration for: {string.Join(", ", unmapped)}");
    }
}
