using Marketplace.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> m)
    {
        m.Property(x => x.MessageType).HasMaxLength(300);
        m.Property(x => x.Payload).HasColumnType("jsonb");
        m.Property(x => x.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        // The relay only ever looks for unsent, publishable rows in creation order.
        m.HasIndex(x => x.CreatedAt).HasFilter("sent_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
    }
}
