using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class StripeEventRecordConfiguration : IEntityTypeConfiguration<Billing.StripeEventRecord>
{
    public void Configure(EntityTypeBuilder<Billing.StripeEventRecord> e)
    {
        e.ToTable("stripe_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(255);
        e.Property(x => x.Type).HasMaxLength(100);
        e.Property(x => x.Payload).HasColumnType("jsonb");
        e.HasIndex(x => x.OrganisationId);
        e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
