using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

public sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organisation>(o =>
        {
            o.Property(x => x.Name).HasMaxLength(Organisation.NameMaxLength);
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            o.Property(x => x.ContactEmail).HasMaxLength(Organisation.EmailMaxLength);
            o.Property(x => x.PreferredLanguage).HasMaxLength(8);
            o.HasIndex(x => x.Name);
        });

        modelBuilder.Entity<Notification>(n =>
        {
            n.Property(x => x.Type).HasMaxLength(100);
            n.Property(x => x.Data).HasColumnType("jsonb");
            n.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            n.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        });

        modelBuilder.Entity<OutboxMessage>(m =>
        {
            m.Property(x => x.MessageType).HasMaxLength(300);
            m.Property(x => x.Payload).HasColumnType("jsonb");
            m.Property(x => x.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
            // The relay only ever looks for unsent, publishable rows in creation order.
            m.HasIndex(x => x.CreatedAt).HasFilter("sent_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
        });

        modelBuilder.Entity<InboxMessage>(i =>
        {
            i.HasKey(x => new { x.MessageId, x.Consumer });
            i.Property(x => x.Consumer).HasMaxLength(200);
        });
    }
}
