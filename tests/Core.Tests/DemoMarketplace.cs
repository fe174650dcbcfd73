using Marketplace.Core.Data;
using Marketplace.Core.Demo;
using Marketplace.Core.Files;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Core.Tests;

public sealed class DemoMarketplace
{
    [Fact]
    public async Task The_demo_seed_makes_over_200_vendors_across_the_types_with_every_kind_of_certification_state()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DataExtensions.OwnerConnectionStringName}"] = TestEnvironment.OwnerConnectionString,
        }).Build();
        var files = Directory.CreateTempSubdirectory("marketplace-demo-evidence-").FullName;
        try
        {
            await DemoVendors.SeedAsync(() => DataExtensions.CreateOwnerContext(configuration), new LocalFolderStorage(files), TimeProvider.System);
            // Idempotent: a second run adds nothing.
            Assert.Equal(0, await DemoVendors.SeedAsync(() => DataExtensions.CreateOwnerContext(configuration), new LocalFolderStorage(files), TimeProvider.System));

            await using var db = Database.Open();
            var vendors = await db.VendorProfiles.Where(p => p.Slug.StartsWith("demo-")).ToListAsync();
            Assert.True(vendors.Count >= 200, $"{vendors.Count} demo vendors");
            var offered = vendors.SelectMany(v => v.ServiceIds).Distinct().ToList();
            var types = await db.CatalogueServices.Where(s => offered.Contains(s.Id)).Select(s => s.TypeCode).Distinct().ToListAsync();
            Assert.Equal(["BPO", "ITO", "KPO"], types.Order());
            Assert.All(vendors, v => Assert.NotEmpty(v.CaseStudies));

            var ids = vendors.Select(v => v.OrganisationId).ToList();
            var certifications = await db.Certifications.Where(c => ids.Contains(c.OrganisationId)).ToListAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.Contains(certifications, c => c.IsVerified);
            Assert.Contains(certifications, c => !c.IsVerified && c.EvidenceKey is not null); // awaiting a check
            Assert.Contains(certifications, c => c.ValidTo < today); // expired
            Assert.Contains(certifications, c => c.ValidTo >= today && c.ValidTo <= today.AddMonths(2)); // expiring soon
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }
}
