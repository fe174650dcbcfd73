using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marketplace.Core.Auditing;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Tests;

/// <summary>Members, roles and invitations inside one organisation.</summary>
public sealed class Teams(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiFactory Api => fixture.Api;

    private sealed record Link(Guid OrganisationId, Guid InvitationId, string Token)
    {
        public object Body => new { organisationId = OrganisationId, invitationId = InvitationId, token = Token };
    }

    private static async Task<Link> InviteAsync(Person owner, Guid organisationId, string email, string role)
    {
        var response = await owner.Client(organisationId).PostAsJsonAsync("/api/v1/invitations", new { email, role });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var mail = await MailCatcher.WaitForAsync(email, "への招待");
        var match = Regex.Match(mail.Text, @"/invitations/accept\?organisation=(?<o>[0-9a-f-]+)&invitation=(?<i>[0-9a-f-]+)&token=(?<t>[0-9a-f]+)");
        Assert.True(match.Success, mail.Text);
        return new Link(Guid.Parse(match.Groups["o"].Value), Guid.Parse(match.Groups["i"].Value), match.Groups["t"].Value);
    }

    private static async Task<List<JsonElement>> MembersAsync(Person person, Guid organisationId) =>
        (await person.Client(organisationId).GetFromJsonAsync<List<JsonElement>>("/api/v1/members"))!;

    private static Guid MemberId(IEnumerable<JsonElement> members, Person person) =>
        members.Single(m => m.GetProperty("userId").GetGuid() == person.UserId).GetProperty("id").GetGuid();

    [Fact]
    public async Task An_invited_person_previews_and_accepts_and_becomes_a_member_with_the_role()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("client");
        var colleague = await People.SignedInAsync(Api);
        var link = await InviteAsync(owner, organisationId, colleague.Email, "evaluator");

        var preview = await Api.CreateClient().PostAsJsonAsync("/api/v1/invitations/preview", link.Body);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("evaluator", (await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());

        var accepted = await colleague.Client().PostAsJsonAsync("/api/v1/invitations/accept", link.Body);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        var me = await colleague.Client().GetFromJsonAsync<JsonElement>("/api/v1/me");
        var membership = me.GetProperty("organisations").EnumerateArray().Single();
        Assert.Equal((organisationId, "evaluator"), (membership.GetProperty("id").GetGuid(), membership.GetProperty("role").GetString()));
        // The link is spent.
        Assert.Equal(HttpStatusCode.BadRequest, (await colleague.Client().PostAsJsonAsync("/api/v1/invitations/accept", link.Body)).StatusCode);

        await using var db = Database.Open(organisationId);
        var actions = await db.AuditEntries.Where(e => e.OrganisationId == organisationId).Select(e => e.Action).ToListAsync();
        Assert.Contains(AuditActions.InvitationSent, actions);
        Assert.Contains(AuditActions.InvitationAccepted, actions);
        Assert.Contains(AuditActions.MemberAdded, actions);
    }

    [Fact]
    public async Task Expired_forged_revoked_and_misaddressed_invitations_are_refused()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("vendor");
        var invitee = await People.SignedInAsync(Api);
        var stranger = await People.SignedInAsync(Api);

        var link = await InviteAsync(owner, organisationId, invitee.Email, "sales");
        var forged = link with { Token = new string('0', link.Token.Length) };
        Assert.Equal(HttpStatusCode.BadRequest, (await invitee.Client().PostAsJsonAsync("/api/v1/invitations/accept", forged.Body)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.CreateClient().PostAsJsonAsync("/api/v1/invitations/preview", forged.Body)).StatusCode);
        // Someone else holding the link is not the invited address.
        Assert.Equal(HttpStatusCode.Conflict, (await stranger.Client().PostAsJsonAsync("/api/v1/invitations/accept", link.Body)).StatusCode);

        // Expired: moved into the past directly in the database (the application never does this).
        await using (var ownerConnection = await Database.OpenOwnerConnectionAsync())
        {
            await using var expire = new Npgsql.NpgsqlCommand("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = @id", ownerConnection);
            expire.Parameters.AddWithValue("id", link.InvitationId);
            await using var tx = await ownerConnection.BeginTransactionAsync();
            await using (var setting = new Npgsql.NpgsqlCommand($"SELECT set_config('app.current_org', '{organisationId}', true)", ownerConnection, tx)) await setting.ExecuteNonQueryAsync();
            expire.Transaction = tx;
            Assert.Equal(1, await expire.ExecuteNonQueryAsync());
            await tx.CommitAsync();
        }
        var expired = await invitee.Client().PostAsJsonAsync("/api/v1/invitations/accept", link.Body);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("このリンクは無効か、有効期限が切れています。", (await expired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("token")[0].GetString());

        // Revoked.
        var second = await InviteAsync(owner, organisationId, invitee.Email, "viewer");
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client(organisationId).DeleteAsync($"/api/v1/invitations/{second.InvitationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await invitee.Client().PostAsJsonAsync("/api/v1/invitations/accept", second.Body)).StatusCode);

        Assert.Single(await MembersAsync(owner, organisationId)); // still only the owner
    }

    [Fact]
    public async Task A_role_of_the_other_kind_of_organisation_is_a_field_error()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("client");
        var response = await owner.Client(organisationId).PostAsJsonAsync("/api/v1/invitations", new { email = "x@example.jp", role = "sales" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("役割は「オーナー」", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("role")[0].GetString());
    }

    [Fact]
    public async Task The_last_owner_can_neither_leave_nor_be_demoted_and_only_owners_touch_owners()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("client");
        var admin = await People.SignedInAsync(Api);
        var viewer = await People.SignedInAsync(Api);
        await admin.Client().PostAsJsonAsync("/api/v1/invitations/accept", (await InviteAsync(owner, organisationId, admin.Email, "admin")).Body);
        await viewer.Client().PostAsJsonAsync("/api/v1/invitations/accept", (await InviteAsync(owner, organisationId, viewer.Email, "viewer")).Body);
        var members = await MembersAsync(owner, organisationId);
        var ownerMembership = MemberId(members, owner);
        var viewerMembership = MemberId(members, viewer);

        Assert.Equal(HttpStatusCode.Conflict, (await owner.Client(organisationId).DeleteAsync($"/api/v1/members/{ownerMembership}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.Client(organisationId).PatchAsJsonAsync($"/api/v1/members/{ownerMembership}", new { role = "admin" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client(organisationId).PatchAsJsonAsync($"/api/v1/members/{ownerMembership}", new { role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Client(organisationId).PatchAsJsonAsync($"/api/v1/members/{viewerMembership}", new { role = "owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client(organisationId).PostAsJsonAsync("/api/v1/invitations", new { email = "y@example.jp", role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.Client(organisationId).GetAsync("/api/v1/audit-log")).StatusCode);

        // An admin changes a viewer's role; the owner makes the admin an owner, and may then leave.
        var changed = await admin.Client(organisationId).PatchAsJsonAsync($"/api/v1/members/{viewerMembership}", new { role = "procurement" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client(organisationId).PatchAsJsonAsync($"/api/v1/members/{MemberId(members, admin)}", new { role = "owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client(organisationId).DeleteAsync($"/api/v1/members/{ownerMembership}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client(organisationId).GetAsync("/api/v1/members")).StatusCode); // no longer a member

        // Left: the new owner and the former viewer, now in procurement.
        var remaining = await MembersAsync(admin, organisationId);
        Assert.Equal(["owner", "procurement"], remaining.Select(m => m.GetProperty("role").GetString()).Order());

        await using var db = Database.Open(organisationId);
        var roleChanges = await db.AuditEntries.CountAsync(e => e.OrganisationId == organisationId && e.Action == AuditActions.MemberRoleChanged);
        Assert.Equal(2, roleChanges);
    }

    [Fact]
    public async Task Owners_read_their_audit_log_filtered_and_in_pages()
    {
        var owner = await People.SignedInAsync(Api);
        var organisationId = await owner.CreateOrganisationAsync("client");
        for (var i = 0; i < 3; i++)
            await InviteAsync(owner, organisationId, $"audit-{i}-{Guid.NewGuid():N}@example.jp", "viewer");

        var client = owner.Client(organisationId);
        var firstPage = await client.GetFromJsonAsync<JsonElement>("/api/v1/audit-log?action=invitation.&limit=2");
        var entries = firstPage.GetProperty("entries");
        Assert.Equal(2, entries.GetArrayLength());
        Assert.All(entries.EnumerateArray(), e => Assert.Equal(AuditActions.InvitationSent, e.GetProperty("action").GetString()));
        Assert.Equal(owner.Email, entries[0].GetProperty("actorEmail").GetString());
        var before = firstPage.GetProperty("nextBefore").GetInt64();
        var secondPage = await client.GetFromJsonAsync<JsonElement>($"/api/v1/audit-log?action=invitation.&limit=2&before={before}");
        Assert.Equal(1, secondPage.GetProperty("entries").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("nextBefore").ValueKind);

        var bad = await client.GetAsync("/api/v1/audit-log?limit=0&from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("limit", out _) && errors.TryGetProperty("to", out _));
    }
}
