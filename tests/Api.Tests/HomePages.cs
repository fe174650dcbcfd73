using System.Net;
using System.Net.Http.Json;
using Marketplace.TestSupport;
using static Marketplace.TestSupport.ProposalScenarios;

namespace Marketplace.Api.Tests;

/// <summary>
/// The area home pages say what needs doing now, each to its own organisation only: a client's drafts, questions and
/// deadlines; a vendor's invitations, drafts and re-confirmations. Nobody else's work shows.
/// </summary>
public sealed class HomePages(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task A_client_home_lists_its_drafts_the_questions_to_answer_and_the_deadlines_of_the_next_two_weeks_and_nothing_of_another_client()
    {
        var (owner, organisation, client, rfpId) = await PublishByAsync(Api, "invited", untilDeadline: TimeSpan.FromDays(10));
        var draft = (await JsonAsync(await client.PostAsJsonAsync("/api/v1/rfps", new { title = "経費精算の委託" }))).GetProperty("id").GetGuid();
        var (vendorId, vendor) = await VendorAsync(Api);
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = new[] { vendorId } })).EnsureSuccessStatusCode();
        (await vendor.PostAsJsonAsync($"/api/v1/vendor/rfps/{rfpId}/questions", new { question = "月末の件数の波はどの程度ですか。" })).EnsureSuccessStatusCode();

        var home = await JsonAsync(await client.GetAsync("/api/v1/client/home"));
        Assert.Equal(draft, Assert.Single(home.GetProperty("drafts").EnumerateArray()).GetProperty("rfpId").GetGuid());
        var questions = Assert.Single(home.GetProperty("questionsToAnswer").EnumerateArray());
        Assert.Equal((rfpId, 1), (questions.GetProperty("rfpId").GetGuid(), questions.GetProperty("count").GetInt32()));
        Assert.Equal(rfpId, Assert.Single(home.GetProperty("deadlines").EnumerateArray()).GetProperty("rfpId").GetGuid());
        Assert.Equal(2, home.GetProperty("rfpCount").GetInt32());
        Assert.Empty(home.GetProperty("approvalsWaiting").EnumerateArray());

        // Answered, the question leaves the list.
        var activity = await JsonAsync(await client.GetAsync($"/api/v1/rfps/{rfpId}/activity"));
        var questionId = activity.GetProperty("questions")[0].GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/questions/{questionId}/answer", new { answer = "月末は平常の 2 倍です。" })).EnsureSuccessStatusCode();
        Assert.Empty((await JsonAsync(await client.GetAsync("/api/v1/client/home"))).GetProperty("questionsToAnswer").EnumerateArray());

        // Another client sees none of it; a vendor organisation has no client home.
        var stranger = await People.SignedInAsync(Api);
        var strangers = await stranger.CreateOrganisationAsync("client");
        var theirs = await JsonAsync(await stranger.Client(strangers).GetAsync("/api/v1/client/home"));
        Assert.Equal(0, theirs.GetProperty("rfpCount").GetInt32());
        Assert.All(new[] { "drafts", "questionsToAnswer", "deadlines", "evaluationsWaiting", "approvalsWaiting", "kpiReviewsDue" },
            list => Assert.Empty(theirs.GetProperty(list).EnumerateArray()));
        Assert.Equal(HttpStatusCode.NotFound, (await vendor.GetAsync("/api/v1/client/home")).StatusCode);
        _ = owner;
        _ = organisation;
    }

    [Fact]
    public async Task A_vendor_home_lists_its_invitation_then_its_draft_and_a_vendor_not_invited_sees_neither()
    {
        var (client, rfpId) = await PublishAsync(Api, "invited");
        var (vendorId, vendor) = await VendorAsync(Api);
        var (_, outsider) = await VendorAsync(Api);
        (await client.PostAsJsonAsync($"/api/v1/rfps/{rfpId}/invitations", new { vendorIds = new[] { vendorId } })).EnsureSuccessStatusCode();

        var home = await JsonAsync(await vendor.GetAsync("/api/v1/vendor/home"));
        var invitation = Assert.Single(home.GetProperty("invitations").EnumerateArray());
        Assert.Equal(rfpId, invitation.GetProperty("rfpId").GetGuid());
        Assert.Equal("請求書発行の委託", invitation.GetProperty("title").GetString());
        Assert.Empty(home.GetProperty("drafts").EnumerateArray());

        (await vendor.PostAsync($"/api/v1/vendor/rfps/{rfpId}/proposal", null)).EnsureSuccessStatusCode();
        home = await JsonAsync(await vendor.GetAsync("/api/v1/vendor/home"));
        Assert.Empty(home.GetProperty("invitations").EnumerateArray());
        Assert.Equal(rfpId, Assert.Single(home.GetProperty("drafts").EnumerateArray()).GetProperty("rfpId").GetGuid());

        var theirs = await JsonAsync(await outsider.GetAsync("/api/v1/vendor/home"));
        Assert.All(new[] { "newMatches", "invitations", "drafts", "toReconfirm" }, list => Assert.Empty(theirs.GetProperty(list).EnumerateArray()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/vendor/home")).StatusCode);
    }
}
