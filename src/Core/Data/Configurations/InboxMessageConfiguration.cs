using Marketplace.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> i)
    {
        i.HasKey(x => new { x.MessageId, x.Consumer });
        i.Property(x => x.Consumer).HasMaxLength(200);
    }
}
