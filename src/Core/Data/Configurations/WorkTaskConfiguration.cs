using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class WorkTaskConfiguration : IEntityTypeConfiguration<Planning.WorkTask>
{
    public void Configure(EntityTypeBuilder<Planning.WorkTask> t)
    {
        t.ToTable("work_tasks");
        t.Property(x => x.Name).HasMaxLength(Planning.WorkTask.NameMaxLength);
        t.Property(x => x.Department).HasMaxLength(Planning.WorkTask.TextMaxLength);
        t.Property(x => x.Frequency).HasMaxLength(16);
        t.Property(x => x.HoursPerMonth).HasPrecision(7, 1);
        t.Property(x => x.VolumeUnit).HasMaxLength(Planning.WorkTask.TextMaxLength);
        t.Property(x => x.Expertise).HasMaxLength(16);
        t.Property(x => x.Substitutability).HasMaxLength(16);
        t.Property(x => x.CurrentOwner).HasMaxLength(Planning.WorkTask.TextMaxLength);
        t.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        t.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
