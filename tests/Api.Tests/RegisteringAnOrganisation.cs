using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Contracts;
using Marketplace.Core.Messaging;
using Marketplace.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Tests;

public sealed class RegisteringAnOrganisation(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Writes_the_organisation_and_its_message_in_the_same_transaction()
    {
        var name = Database.UniqueName("株式会社テスト物産");
        var person = await People.SignedInAsync(fixture.Api);
        var response = await person.Client().PostAsJsonAsync("/api/v1/organisations",
            new { name, kind = "vendor", contactEmail = "sales@test-bussan.example.jp" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/organisations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("vendor", created.GetProperty("kind").GetString());
        Assert.Equal("ja", created.GetProperty("preferredLanguage").GetString());

        await using var db = Database.Open();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id);
        Assert.Equal(name, organisation.Name);
        var message = await db.OutboxMessages.SingleAsync(m => m.OrganisationId == id);
        Assert.Equal(MessageTypes.NameOf(typeof(OrganisationRegistered)), message.MessageType);
        var payload = JsonSerializer.Deserialize<OrganisationRegistered>(message.Payload, MessageTypes.Json)!;
        Assert.Equal(id, payload.OrganisationId);
        Assert.Equal(name, payload.Name);
        Assert.Equal(organisation.CreatedAt, payload.RegisteredAt);

        // The audit log has it, under the organisation, with the caller's address.
        await using var asOrganisation = Database.Open(id);
        var audit = await asOrganisation.AuditEntries.SingleAsync(e => e.ObjectId == id.ToString());
        Assert.Equal(Marketplace.Core.Auditing.AuditActions.OrganisationRegistered, audit.Action);
        Assert.Equal(id, audit.OrganisationId);
        Assert.Equal(person.UserId.ToString(), audit.Actor);

        // The person who registered it is its first owner.
        var membership = await asOrganisation.Memberships.SingleAsync();
        Assert.Equal((person.UserId, "owner"), (membership.UserId, membership.Role));
    }

    [Fact]
    public async Task Needs_a_signed_in_person()
    {
        var response = await fixture.Api.CreateClient().PostAsJsonAsync("/api/v1/organisations",
            new { name = Database.UniqueName("匿名登録"), kind = "client", contactEmail = "anonymous@example.jp" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Can_be_read_back_by_its_id()
    {
        var person = await People.SignedInAsync(fixture.Api);
        var created = await (await person.Client().PostAsJsonAsync("/api/v1/organisations",
            new { name = Database.UniqueName("みなとテスト株式会社"), kind = "client", contactEmail = "a@minato.example.jp", preferredLanguage = "en" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var read = await person.Client(id).GetFromJsonAsync<JsonElement>($"/api/v1/organisations/{id}");
        Assert.Equal(created.GetProperty("name").GetString(), read.GetProperty("name").GetString());
        Assert.Equal("client", read.GetProperty("kind").GetString());
        Assert.Equal("en", read.GetProperty("preferredLanguage").GetString());
    }

    [Fact]
    public async Task An_unknown_id_answers_404_problem()
    {
        var person = await People.SignedInAsync(fixture.Api);
        var unknown = Guid.NewGuid();
        var response = await person.Client(unknown).GetAsync($"/api/v1/organisations/{unknown}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_input_answers_field_errors_in_japanese_by_default_and_changes_nothing()
    {
        var name = Database.UniqueName("検証テスト");
        var person = await People.SignedInAsync(fixture.Api);
        var response = await person.Client().PostAsJsonAsync("/api/v1/organisations",
            new { name, kind = "supplier", contactEmail = "not-an-address" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("組織の種類は「発注企業」、「ベンダー」から選んでください。", errors.GetProperty("kind")[0].GetString());
        Assert.StartsWith("連絡先メールアドレスの形式が正しくありません", errors.GetProperty("contactEmail")[0].GetString());
        Assert.False(errors.TryGetProperty("name", out _));

        await using var db = Database.Open();
        Assert.False(await db.Organisations.AnyAsync(o => o.Name == name));
    }

    [Fact]
    public async Task Invalid_input_answers_in_english_when_asked()
    {
        var client = (await People.SignedInAsync(fixture.Api)).Client(language: "en");
        var response = await client.PostAsJsonAsync("/api/v1/organisations", new { name = "  ", kind = (string?)null, contactEmail = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("Organisation name is required.", errors.GetProperty("name")[0].GetString());
        Assert.Equal("Organisation type is required.", errors.GetProperty("kind")[0].GetString());
        Assert.Equal("Contact e-mail is required.", errors.GetProperty("contactEmail")[0].GetString());
    }

    [Fact]
    public async Task A_name_longer_than_200_characters_is_refused()
    {
        var person = await People.SignedInAsync(fixture.Api);
        var response = await person.Client().PostAsJsonAsync("/api/v1/organisations",
            new { name = new string('あ', 201), kind = "client", contactEmail = "long@example.jp" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("組織名は200文字以内で入力してください。", errors.GetProperty("name")[0].GetString());
    }
}
