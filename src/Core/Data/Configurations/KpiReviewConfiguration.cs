using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class KpiReviewConfiguration : IEntityTypeConfiguration<Awards.KpiReview>
{
    public void Configure(EntityTypeBuilder<Awards.KpiReview> r)
    {
        var (actualsConverter, actualsComparer) = JsonColumns.Document<Awards.KpiActual[]>();
        r.ToTable("kpi_reviews");
        r.Property(x => x.Actuals).HasColumnType("jsonb").HasConversion(actualsConverter, actualsComparer);
        r.Property(x => x.Comment).HasMaxLength(Awards.KpiReview.TextMaxLength);
        r.Property(x => x.Issues).HasMaxLength(Awards.KpiReview.TextMaxLength);
        r.Property(x => x.ImprovementActions).HasMaxLength(Awards.KpiReview.TextMaxLength);
        r.HasIndex(x => new { x.ContractId, x.Month }).IsUnique();
        r.HasOne<Awards.Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
    }
}
