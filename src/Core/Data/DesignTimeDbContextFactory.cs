using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.Core.Data;

/// <summary>Used by `dotnet ef migrations add` only; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MarketplaceDbContext>
{
    public MarketplaceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MarketplaceDbContext>();
        DataExtensions.ConfigureNpgsql(options, "Host=127.0.0.1;Database=marketplace_design");
        return new MarketplaceDbContext(options.Options, new Tenancy.TenantContext());
    }
}
