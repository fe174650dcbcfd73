using Marketplace.Core.Notifications;
using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.Type).HasMaxLength(100);
        n.Property(x => x.Data).HasColumnType("jsonb");
        n.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        n.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        n.Property(x => x.Key).HasMaxLength(200);
        n.HasIndex(x => new { x.OrganisationId, x.Key }).IsUnique().HasFilter("key IS NOT NULL"); // a keyed notice arrives once
    }
}
