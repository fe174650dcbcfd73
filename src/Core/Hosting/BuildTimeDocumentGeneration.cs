using System.Reflection;

namespace Marketplace.Core.Hosting;

/// <summary>
/// True while `dotnet build` runs the Api to write its OpenAPI document (Microsoft.Extensions.ApiDescription.Server).
/// The host is then started without configuration, so start-up checks that need real settings are skipped.
/// </summary>
public static class BuildTimeDocumentGeneration
{
    public static bool IsActive { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";
}
