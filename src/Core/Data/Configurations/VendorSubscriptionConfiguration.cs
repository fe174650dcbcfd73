using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class VendorSubscriptionConfiguration : IEntityTypeConfiguration<Billing.VendorSubscription>
{
    public void Configure(EntityTypeBuilder<Billing.VendorSubscription> b)
    {
        b.ToTable("vendor_subscriptions");
        b.HasKey(x => x.OrganisationId);
        b.Property(x => x.StripeCustomerId).HasMaxLength(255);
        b.Property(x => x.StripeSubscriptionId).HasMaxLength(255);
        b.Property(x => x.Plan).HasMaxLength(32);
        b.Property(x => x.Status).HasMaxLength(32);
        b.HasIndex(x => x.StripeCustomerId).IsUnique();
        b.HasOne<Organisation>().WithOne().HasForeignKey<Billing.VendorSubscription>(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
