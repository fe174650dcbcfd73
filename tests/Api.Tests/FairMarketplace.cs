using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marketplace.TestSupport;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>
/// The rules that make the marketplace fair (docs/domain.md, "Rules that make it a fair marketplace"), each tried
/// by the party that would gain from breaking it: the client opening bids early, an evaluator peeking, a vendor
/// learning about its rivals. Every party is a separate person in a separate organisation.
/// </summary>
public sealed class FairMarketplace(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private static async Task WaitForTheDeadlineAsync(HttpClient client, Guid rfpId) =>
        await Task.Delay((await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/summary"))).GetProperty("opensAt").GetDateTimeOffset()
                         - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));

    [Fact]
    public async Task Each_party_sees_a_vendor_by_its_organisation_name_whether_or_not_it_is_listed_in_search()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, untilDeadline: TimeSpan.FromSeconds(8));
        var unlistedName = Database.UniqueName("未掲載ベンダー株式会社");
        var listedName = Database.UniqueName("掲載ベンダー株式会社");
        var (_, unlistedId, _) = await SubmittedProposalByAsync(Api, rfpId, "プロフィール未掲載の提案です。", vendorName: unlistedName, listed: false);
        var (_, listedId, _) = await SubmittedProposalByAsync(Api, rfpId, "掲載済みの提案です。", vendorName: listedName);
        var (approver, evaluator) = (await People.SignedInAsync(Api), await People.SignedInAsync(Api));
        await owner.AddMemberAsync(organisation, approver, "admin");
        await owner.AddMemberAsync(organisation, evaluator, "evaluator");
        await WaitForTheDeadlineAsync(client, rfpId);

        var proposals = (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals"))).EnumerateArray()
            .ToDictionary(p => p.GetProperty("vendorId").GetGuid(), p => (Id: p.GetProperty("id").GetGuid(), Name: p.GetProperty("vendorName").GetString()));
        Assert.Equal(unlistedName, proposals[unlistedId].Name);
        Assert.Equal(listedName, proposals[listedId].Name);
        var unlistedProposal = proposals[unlistedId].Id;
        Assert.Equal(unlistedName, (await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/proposals/{unlistedProposal}")))
            .GetProperty("summary").GetProperty("vendorName").GetString());

        (await client.PutAsJsonAsync($"/api/v1/rfps/{rfpId}/evaluation", new { blind = false, evaluatorUserIds = new[] { evaluator.UserId } })).EnsureSuccessStatusCode();
        var consensus = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/evaluation/consensus"));
        Assert.Contains(consensus.GetProperty("proposals").EnumerateArray(), p => p.GetProperty("label").GetString() == unlistedName);
        var comparison = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison"));
        Assert.Contains(comparison.GetProperty("columns").EnumerateArray(), c => c.GetProperty("label").GetString() == unlistedName);
        var csv = Encoding.UTF8.GetString(await (await client.GetAsync($"/api/v1/rfps/{rfpId}/comparison/export?format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Contains(unlistedName, csv.Split("\r\n")[0]);

        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award", new { proposalId = unlistedProposal, reason = "最も安価で要件を満たす" })).EnsureSuccessStatusCode();
        var award = await JsonAsync(await approver.Client(organisation).PostAsJsonAsync($"/api/v1/rfps/{rfpId}/award/approve", new { comment = "承認" }));
        Assert.Equal(unlistedName, award.GetProperty("current").GetProperty("vendorName").GetString());
        var contractId = award.GetProperty("current").GetProperty("contractId").GetGuid();
        Assert.Equal(unlistedName, (await JsonAsync(await client.GetAsync($"/api/v1/contracts/{contractId}"))).GetProperty("summary").GetProperty("vendorName").GetString());

        // The OCDS release names every tenderer and the supplier, and so conforms to the schema (a name may not be empty).
        var ocdsJson = await (await client.GetAsync($"/api/v1/rfps/{rfpId}/ocds")).Content.ReadAsStringAsync();
        Assert.Empty(await OcdsSchemas.ErrorsAsync(ocdsJson));
        var release = JsonDocument.Parse(ocdsJson).RootElement.GetProperty("releases")[0];
        Assert.Contains(release.GetProperty("parties").EnumerateArray(), p => p.GetProperty("name").GetString() == unlistedName);
        Assert.Contains(release.GetProperty("tender").GetProperty("tenderers").EnumerateArray(), t => t.GetProperty("name").GetString() == unlistedName);
        Assert.Equal(unlistedName, release.GetProperty("awards")[0].GetProperty("suppliers")[0].GetProperty("name").GetString());
    }
}
