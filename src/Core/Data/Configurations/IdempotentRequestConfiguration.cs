using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> r)
    {
        r.ToTable("idempotent_requests");
        r.HasKey(x => new { x.OrganisationId, x.Operation, x.Key });
        r.Property(x => x.Operation).HasMaxLength(100);
        r.Property(x => x.Key).HasMaxLength(IdempotentRequest.KeyMaxLength);
        r.Property(x => x.RequestHash).HasMaxLength(64);
        r.Property(x => x.ContentType).HasMaxLength(200);
        r.Property(x => x.Location).HasMaxLength(500);
        r.HasIndex(x => new { x.OrganisationId, x.CreatedAt }); // expired keys are cleared per organisation
        r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
