using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpQuestionConfiguration : IEntityTypeConfiguration<Marketplace.Core.Rfps.RfpQuestion>
{
    public void Configure(EntityTypeBuilder<Marketplace.Core.Rfps.RfpQuestion> q)
    {
        q.ToTable("rfp_questions");
        q.Property(x => x.Question).HasMaxLength(Marketplace.Core.Rfps.RfpQuestion.TextMaxLength);
        q.Property(x => x.Answer).HasMaxLength(Marketplace.Core.Rfps.RfpQuestion.TextMaxLength);
        q.HasIndex(x => new { x.RfpId, x.AskedAt });
        q.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
    }
}
