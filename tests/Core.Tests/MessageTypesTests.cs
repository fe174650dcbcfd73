using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests;

public sealed class MessageTypesTests
{
    [Fact]
    public void Resolves_the_contracts_by_their_stored_name()
    {
        Assert.True(MessageTypes.TryResolve("Marketplace.Contracts.OrganisationRegistered", out var type));
        Assert.Equal(typeof(OrganisationRegistered), type);
    }

    [Theory]
    [InlineData("System.Diagnostics.Process")]
    [InlineData("Marketplace.Contracts.MarketplaceHeaders")]
    [InlineData("")]
    public void Refuses_anything_that_is_not_a_message_contract(string name) =>
        Assert.False(MessageTypes.TryResolve(name, out _));

    [Fact]
    public void Enqueueing_a_type_outside_the_contracts_is_refused()
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>().UseNpgsql("Host=unused").UseSnakeCaseNamingConvention().Options;
        using var db = new MarketplaceDbContext(options, new Marketplace.Core.Tenancy.TenantContext());
        Assert.Throws<ArgumentException>(() => db.EnqueueMessage(new { Anything = 1 }, null, TimeProvider.System));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public void An_outbox_row_records_attempts_and_keeps_errors_short()
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>().UseNpgsql("Host=unused").UseSnakeCaseNamingConvention().Options;
        using var db = new MarketplaceDbContext(options, new Marketplace.Core.Tenancy.TenantContext());
        var row = db.EnqueueMessage(new OrganisationRegistered(Guid.NewGuid(), "株式会社テスト", "Client", "ja", DateTimeOffset.UtcNow), null, TimeProvider.System);

        row.RecordFailedAttempt(new string('x', 5000));
        Assert.Equal(1, row.Attempts);
        Assert.Equal(OutboxMessage.MaxErrorLength, row.LastError!.Length);

        row.MarkSent(DateTimeOffset.UtcNow);
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.LastError);
        Assert.NotNull(row.SentAt);
    }
}
