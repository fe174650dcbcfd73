using Marketplace.Core.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
    {
        a.ToTable("audit_entries");
        a.Property(x => x.Id).UseIdentityAlwaysColumn();
        a.Property(x => x.Actor).HasMaxLength(200);
        a.Property(x => x.Action).HasMaxLength(100);
        a.Property(x => x.ObjectType).HasMaxLength(100);
        a.Property(x => x.ObjectId).HasMaxLength(100);
        a.Property(x => x.IpAddress).HasMaxLength(64);
        a.Property(x => x.Data).HasColumnType("jsonb");
        a.HasIndex(x => new { x.OrganisationId, x.OccurredAt });
    }
}
