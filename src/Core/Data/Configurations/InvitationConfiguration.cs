using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> i)
    {
        i.Property(x => x.Email).HasMaxLength(Organisation.EmailMaxLength);
        i.Property(x => x.Role).HasMaxLength(OrganisationRoles.MaxLength);
        i.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        i.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
