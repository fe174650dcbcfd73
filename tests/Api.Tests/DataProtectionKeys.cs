using Marketplace.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Api.Tests;

public sealed class DataProtectionKeys
{
    [Fact]
    public async Task What_one_api_instance_protects_another_instance_or_a_restart_can_read()
    {
        string protectedText;
        await using (var first = new ApiFactory())
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("セッション");
        }
        await using var second = new ApiFactory();
        Assert.Equal("セッション", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));

        await using var db = Database.Open();
        Assert.NotEmpty(db.DataProtectionKeys);
    }
}

/// <summary>The OIDC server's keys outlive the process, so a restart (or another replica) keeps every session.</summary>
public sealed class OidcKeys
{
    [Fact]
    public async Task Tokens_issued_before_a_restart_still_work_after_it()
    {
        Person person;
        await using (var before = new ApiFactory())
            person = await People.SignedInAsync(before);

        await using var after = new ApiFactory();
        using var http = after.CreateClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", person.AccessToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/api/v1/me")).StatusCode);
        var refreshed = await Duende.IdentityModel.Client.HttpClientTokenRequestExtensions.RequestRefreshTokenAsync(after.CreateClient(),
            new Duende.IdentityModel.Client.RefreshTokenRequest { Address = "/connect/token", ClientId = People.SpaClientId, RefreshToken = person.RefreshToken });
        Assert.False(refreshed.IsError, refreshed.Error);
    }

    [Fact]
    public async Task In_folder_mode_the_keys_are_files_protected_by_data_protection()
    {
        var folder = Directory.CreateTempSubdirectory("marketplace-keys-").FullName;
        try
        {
            await using (var api = new ApiFactory(new Dictionary<string, string?> { ["DataProtection:Store"] = "filesystem", ["DataProtection:Path"] = folder }))
                await People.SignedInAsync(api);
            var signing = await File.ReadAllTextAsync(Path.Combine(folder, "oidc-signing.key"));
            Assert.DoesNotContain("PRIVATE KEY", signing);
            Assert.True(File.Exists(Path.Combine(folder, "oidc-encryption.key")));

            // A second instance on the same folder accepts the first one's tokens.
            await using var first = new ApiFactory(new Dictionary<string, string?> { ["DataProtection:Store"] = "filesystem", ["DataProtection:Path"] = folder });
            var person = await People.SignedInAsync(first);
            await using var second = new ApiFactory(new Dictionary<string, string?> { ["DataProtection:Store"] = "filesystem", ["DataProtection:Path"] = folder });
            var onSecond = person with { Api = second };
            Assert.Equal(System.Net.HttpStatusCode.OK, (await onSecond.Client().GetAsync("/api/v1/me")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
