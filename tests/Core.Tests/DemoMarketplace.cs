using Marketplace.Demo;
using Marketplace.Core.Files;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Tests;

/// <summary>The demo seed writes shared rows (the demo vendors, the demo person): its tests take turns.</summary>
[Collection(DemoSeedCollection.Name)]
public sealed class DemoMarketplace
{
    [Fact]
    public async Task The_demo_seed_makes_over_200_vendors_across_the_types_with_every_kind_of_certification_state()
    {
        var files = Directory.CreateTempSubdirectory("marketplace-demo-evidence-").FullName;
        try
        {
            await DemoVendors.SeedAsync(Database.OpenAsOwner, new LocalFolderStorage(files), TimeProvider.System);
            // Idempotent: a second run adds nothing.
            Assert.Equal(0, await DemoVendors.SeedAsync(Database.OpenAsOwner, new LocalFolderStorage(files), TimeProvider.System));

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

[Collection(DemoSeedCollection.Name)]
public sealed class DemoClientSide
{
    [Fact]
    public async Task The_demo_client_has_a_checked_work_inventory_and_rfps_in_every_state_once()
    {
        await DemoSeeder.SeedAsync(Database.OpenAsOwner, null, TimeProvider.System);
        await DemoVendors.SeedNamedAsync(Database.OpenAsOwner, null, TimeProvider.System);
        Assert.Equal(0, await DemoVendors.SeedNamedAsync(Database.OpenAsOwner, null, TimeProvider.System)); // idempotent
        await DemoClients.SeedAsync(Database.OpenAsOwner, TimeProvider.System);
        Assert.Equal(0, await DemoClients.SeedAsync(Database.OpenAsOwner, TimeProvider.System)); // idempotent

        Guid clientId;
        await using (var lookup = Database.Open())
            clientId = await lookup.Organisations.Where(o => o.Name == DemoSeeder.Organisations[0].Name).Select(o => o.Id).SingleAsync();
        await using var db = Database.Open(clientId);
        var tasks = await db.WorkTasks.ToListAsync();
        Assert.Equal(6, tasks.Count);
        Assert.Equal(5, tasks.Count(t => t.CheckedAt is not null));
        string[] decisions = [DemoEvaluations.EvaluatingTitle, DemoEvaluations.AwardedTitle]; // seeded apart (the test below)
        var statuses = (await db.Rfps.ToListAsync()).Where(r => !decisions.Contains(r.Content.Title)).Select(r => r.Status).ToList();
        Assert.Equal([Marketplace.Core.Rfps.RfpStatus.Draft, Marketplace.Core.Rfps.RfpStatus.Published, Marketplace.Core.Rfps.RfpStatus.Closed,
            Marketplace.Core.Rfps.RfpStatus.Cancelled], statuses.Order());
        var published = await db.Rfps.SingleAsync(r => r.Status == Marketplace.Core.Rfps.RfpStatus.Published);
        Assert.Empty(Marketplace.Core.Rfps.RfpPublishing.Problems(published.Content, DateTimeOffset.UtcNow)); // publishable as seeded
        Assert.Empty(Marketplace.Core.Rfps.RfpPublishing.Findings(published.Content, english: false));

        // The published one has been asked, answered, clarified and changed once (version 2).
        Assert.Equal(2, published.Version);
        var questions = await db.RfpQuestions.Where(q => q.RfpId == published.Id).ToListAsync();
        Assert.Equal((3, 2, 1), (questions.Count, questions.Count(q => q.Answer is not null), questions.Count(q => q.Question is null)));
        // Before the proposals open, the client reads the questions but not who asked them.
        Assert.Equal(0, await db.RfpQuestionAskers.CountAsync(a => a.RfpId == published.Id));
        Assert.Equal(2, await db.RfpParticipants.CountAsync(p => p.RfpId == published.Id));
        // Each asking vendor sees the RFP, its versions, the answered question and the clarification, and of the
        // unanswered question only if it is its own; it is an asker only of its own.
        var askers = await IdsOfAsync(DemoSeeder.OtherVendors.Skip(1).Take(2).Select(o => o.Name));
        var seesUnanswered = 0;
        foreach (var asker in askers)
        {
            await using var asking = Database.Open(asker);
            Assert.Equal(2, await asking.RfpVersions.IgnoreQueryFilters([Marketplace.Core.Data.MarketplaceDbContext.TenantFilter]).CountAsync(v => v.RfpId == published.Id));
            var seen = await asking.RfpQuestions.Where(q => q.RfpId == published.Id).ToListAsync();
            Assert.Equal(2, seen.Count(q => q.Answer is not null || q.Question is null));
            seesUnanswered += seen.Count(q => q.Answer is null && q.Question is not null);
            Assert.Equal(1, await asking.RfpQuestionAskers.CountAsync(a => a.RfpId == published.Id));
        }
        Assert.Equal(1, seesUnanswered); // only the one who asked it

        // The demo person's own vendor: a complete, listed profile; nothing to do with its owner's client RFPs; one
        // sealed proposal to the holding company, like any vendor's.
        var vendorId = (await IdsOfAsync([DemoSeeder.DemoVendor.Name])).Single();
        await using var vendor = Database.Open(vendorId);
        Assert.Equal(3, await vendor.RfpListings.CountAsync(l => l.ClientOrganisationId == clientId && !decisions.Contains(l.Title))); // it sees them listed
        Assert.False(await vendor.RfpParticipants.AnyAsync(p => p.ClientOrganisationId == clientId));
        Assert.False(await vendor.Proposals.AnyAsync(p => p.ClientOrganisationId == clientId));
        var holding = (await IdsOfAsync([DemoSeeder.Organisations[2].Name])).Single();
        var own = await vendor.Proposals.SingleAsync(p => p.ClientOrganisationId == holding);
        Assert.Equal(1, own.SubmittedVersion);
        await using (var holdingDb = Database.Open(holding))
            Assert.False(await holdingDb.Proposals.AnyAsync(p => p.Id == own.Id)); // sealed until the deadline

        // Every named vendor wrote a complete profile, is listed and holds a verified Privacy Mark (the demo RFPs ask for one).
        await using (var owner = Database.OpenAsOwner())
        {
            var named = await IdsOfAsync(DemoSeeder.Organisations.Where(o => o.Offer is not null).Select(o => o.Name));
            var entries = await owner.VendorSearchEntries.IgnoreQueryFilters().Where(e => named.Contains(e.OrganisationId)).ToListAsync();
            Assert.Equal(named.Count, entries.Count);
            Assert.All(entries, e => Assert.True(e.Listed && e.ProfileSections == 8, $"{e.Name}: listed {e.Listed}, {e.ProfileSections}/8"));
            var pmark = Marketplace.Core.Vendors.CertificationTypes.Codes.ToList().IndexOf("pmark");
            Assert.All(entries, e => Assert.NotNull(e.VerifiedCertificationValidTo[pmark]));
        }
        // Each of the other vendors has an owner of its own; none of the demo client's people belongs to a vendor that
        // takes part in its RFPs. (Memberships are tenant rows: read as each organisation.)
        var demoPerson = DemoSeeder.DemoEmail.ToUpperInvariant();
        foreach (var other in await IdsOfAsync(DemoSeeder.OtherVendors.Select(o => o.Name)))
        {
            await using var otherDb = Database.Open(other);
            var owners = await otherDb.Memberships.Where(m => m.Role == Marketplace.Core.Organisations.OrganisationRoles.Owner)
                .Join(otherDb.Users, m => m.UserId, u => u.Id, (m, u) => u.NormalizedEmail).ToListAsync();
            Assert.NotEmpty(owners);
            Assert.DoesNotContain(demoPerson, owners);
        }
        var clientPeople = await db.Memberships.Select(m => m.UserId).ToListAsync();
        foreach (var taking in await db.RfpParticipants.Select(p => p.VendorId).Distinct().ToListAsync())
        {
            await using var takingDb = Database.Open(taking);
            Assert.False(await takingDb.Memberships.AnyAsync(m => clientPeople.Contains(m.UserId)));
        }

        // The other two clients: an inventory, a draft and a published RFP each; the manufacturer's is invite-only.
        foreach (var (name, visibility) in new[] { (DemoSeeder.Organisations[1].Name, "invited"), (DemoSeeder.Organisations[2].Name, "public") })
        {
            Guid otherId;
            await using (var lookup = Database.Open())
                otherId = await lookup.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
            await using var other = Database.Open(otherId);
            Assert.True(await other.WorkTasks.CountAsync() >= 3);
            var rfps = await other.Rfps.ToListAsync();
            Assert.Equal([Marketplace.Core.Rfps.RfpStatus.Draft, Marketplace.Core.Rfps.RfpStatus.Published], rfps.Select(r => r.Status).Order());
            var theirs = rfps.Single(r => r.Status == Marketplace.Core.Rfps.RfpStatus.Published);
            Assert.Equal(visibility, theirs.Content.Visibility);
            Assert.Empty(Marketplace.Core.Rfps.RfpPublishing.Problems(theirs.Content, DateTimeOffset.UtcNow));
            // The demo person's vendor was not invited to the invite-only one, so it does not see it at all.
            Assert.Equal(visibility == "public", await vendor.RfpListings.AnyAsync(l => l.RfpId == theirs.Id));
        }
    }

    [Fact]
    public async Task The_demo_client_has_an_rfp_in_evaluation_and_an_awarded_one_with_its_contract_once()
    {
        await DemoSeeder.SeedAsync(Database.OpenAsOwner, "demo-password-for-tests", TimeProvider.System);
        await DemoEvaluations.SeedAsync(Database.OpenAsOwner, TimeProvider.System);
        Assert.Equal(0, await DemoEvaluations.SeedAsync(Database.OpenAsOwner, TimeProvider.System)); // idempotent

        Guid clientId;
        await using (var lookup = Database.Open())
            clientId = await lookup.Organisations.Where(o => o.Name == DemoSeeder.Organisations[0].Name).Select(o => o.Id).SingleAsync();
        await using var db = Database.Open(clientId);
        var rfps = (await db.Rfps.ToListAsync()).ToDictionary(r => r.Content.Title);
        var evaluating = rfps[DemoEvaluations.EvaluatingTitle];
        var awarded = rfps[DemoEvaluations.AwardedTitle];
        Assert.Equal((Marketplace.Core.Rfps.RfpStatus.Evaluating, Marketplace.Core.Rfps.RfpStatus.Awarded), (evaluating.Status, awarded.Status));

        // Opened (the deadline passed), as the application's role reads them: three submitted, one revised; the withdrawn one stays the vendor's.
        var proposals = await db.Proposals.Where(p => p.RfpId == evaluating.Id).ToListAsync();
        Assert.Equal(3, proposals.Count);
        Assert.Contains(proposals, p => p.SubmittedVersion == 2);
        // From vendors the client's people do not belong to: never the demo person's own.
        var others = await IdsOfAsync(DemoSeeder.OtherVendors.Select(o => o.Name));
        Assert.All(proposals, p => Assert.Contains(p.VendorId, others));
        Assert.Equal(2, await db.RfpEvaluators.CountAsync(e => e.RfpId == evaluating.Id && e.SubmittedAt != null));
        var consensus = await db.ConsensusScores.SingleAsync(c => c.RfpId == evaluating.Id);
        var security = await db.EvaluationScores.Where(s => s.RfpId == evaluating.Id && s.ProposalId == consensus.ProposalId && s.Axis == consensus.Axis)
            .Select(s => s.Score).ToListAsync();
        Assert.True(ScoreSpreadOf(security).Disagreement); // the consensus settles a real disagreement

        var contract = await db.Contracts.SingleAsync(c => c.RfpId == awarded.Id);
        var award = await db.RfpAwards.SingleAsync(a => a.RfpId == awarded.Id);
        Assert.NotEqual(award.ProposedBy, award.DecidedBy); // two people, and the approver scored nothing
        Assert.False(await db.EvaluationScores.AnyAsync(s => s.RfpId == awarded.Id && s.UserId == award.DecidedBy));
        Assert.Equal(others[DemoSeeder.OtherVendors.Select(o => o.Name).ToList().IndexOf(award.VendorName)], award.VendorId);
        var reviews = await db.KpiReviews.Where(r => r.ContractId == contract.Id).OrderBy(r => r.Month).ToListAsync();
        Assert.Equal(3, reviews.Count);
        Assert.Contains(reviews, r => r.Actuals.Any(a => contract.Kpis.Single(k => k.Metric == a.Metric).Met(a.Actual!.Value) == false));
        // The vendor reads its contract and reviews.
        await using var vendor = Database.Open(contract.VendorId);
        Assert.Equal(3, await vendor.KpiReviews.CountAsync(r => r.ContractId == contract.Id));
    }

    private static async Task<List<Guid>> IdsOfAsync(IEnumerable<string> names)
    {
        var list = names.ToList();
        await using var lookup = Database.Open();
        var ids = await lookup.Organisations.Where(o => list.Contains(o.Name)).ToDictionaryAsync(o => o.Name, o => o.Id);
        return list.Select(n => ids[n]).ToList();
    }

    private static Marketplace.Core.Evaluations.ScoreSpread ScoreSpreadOf(List<int> scores) => Marketplace.Core.Evaluations.ScoreSpread.Of(scores);
}

[CollectionDefinition(Name)]
public sealed class DemoSeedCollection
{
    public const string Name = "Demo seed";
}
