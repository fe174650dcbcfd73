using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class CertificationConfiguration : IEntityTypeConfiguration<Vendors.Certification>
{
    public void Configure(EntityTypeBuilder<Vendors.Certification> c)
    {
        c.Property(x => x.Type).HasMaxLength(16);
        c.Property(x => x.OtherName).HasMaxLength(Vendors.Certification.TextMaxLength);
        c.Property(x => x.RegistrationNumber).HasMaxLength(Vendors.Certification.TextMaxLength);
        c.Property(x => x.Scope).HasMaxLength(Vendors.Certification.TextMaxLength * 5);
        c.Property(x => x.Issuer).HasMaxLength(Vendors.Certification.TextMaxLength);
        c.Property(x => x.EvidenceKey).HasMaxLength(64);
        c.Property(x => x.EvidenceFileName).HasMaxLength(255);
        c.Property(x => x.EvidenceContentType).HasMaxLength(64);
        c.Property(x => x.RejectionReason).HasMaxLength(Vendors.Certification.RejectionReasonMaxLength);
        c.HasIndex(x => new { x.OrganisationId, x.Type });
        // The operator's queue: unverified certifications with evidence, oldest change first.
        c.HasIndex(x => x.UpdatedAt).HasFilter("verified_at IS NULL AND evidence_key IS NOT NULL").HasDatabaseName("ix_certifications_awaiting_verification");
        c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
