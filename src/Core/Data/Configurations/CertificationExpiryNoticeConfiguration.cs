using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class CertificationExpiryNoticeConfiguration : IEntityTypeConfiguration<Vendors.CertificationExpiryNotice>
{
    public void Configure(EntityTypeBuilder<Vendors.CertificationExpiryNotice> n)
    {
        n.ToTable("certification_expiry_notices");
        n.HasKey(x => new { x.CertificationId, x.DaysBefore });
        n.HasOne<Vendors.Certification>().WithMany().HasForeignKey(x => x.CertificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
