using Marketplace.Core.Files;

namespace Marketplace.Api.Infrastructure;

public static class FileStorageSetup
{
    /// <summary>
    /// Uploaded files go to "Storage:Path" (default: App_Data/files under the Api's content root, which is not served);
    /// several Api replicas need a shared folder, or another IFileStorage (object storage).
    /// </summary>
    public static IHostApplicationBuilder AddMarketplaceFileStorage(this IHostApplicationBuilder builder)
    {
        var path = builder.Configuration["Storage:Path"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Environment.ContentRootPath, "App_Data", "files");
        builder.Services.AddSingleton<IFileStorage>(new LocalFolderStorage(Path.GetFullPath(path)));
        return builder;
    }
}
