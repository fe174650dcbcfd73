using Marketplace.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Marketplace.Api.Infrastructure;

public static class DataProtectionSetup
{
    /// <summary>
    /// Keeps ASP.NET Data Protection keys (which protect cookies, antiforgery tokens and, with sign-in, OpenIddict's
    /// tokens) where every Api replica finds them and a restart keeps them: in PostgreSQL by default, or in a folder
    /// ("DataProtection:Store" = "filesystem", "DataProtection:Path"). Keys are generated on first use, never
    /// committed.
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceDataProtection(this IHostApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Marketplace");
        if (Marketplace.Core.Hosting.BuildTimeDocumentGeneration.IsActive)
        {
            // `dotnet build` writing the OpenAPI document starts the host with no database: keep keys in memory.
            protection.UseEphemeralDataProtectionProvider();
            return builder;
        }
        var store = builder.Configuration["DataProtection:Store"]?.Trim().ToLowerInvariant() ?? "database";
        switch (store)
        {
            case "database":
                protection.PersistKeysToDbContext<MarketplaceDbContext>();
                break;
            case "filesystem" when builder.Configuration["DataProtection:Path"] is { Length: > 0 } path:
                protection.PersistKeysToFileSystem(new DirectoryInfo(path));
                break;
            default:
                throw new InvalidOperationException(
                    "DataProtection:Store must be database or filesystem (and then DataProtection:Path must name a folder).");
        }
        return builder;
    }
}
