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
