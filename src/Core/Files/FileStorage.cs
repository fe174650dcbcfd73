namespace Marketplace.Core.Files;

/// <summary>
/// Where uploaded files live, outside any web root, under names the server makes up. A local folder by default;
/// object storage can take its place behind this interface.
/// </summary>
public interface IFileStorage
{
    /// <returns>The key to read the file back with.</returns>
    Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken);
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Files in one folder ("Storage:Path"), each under a random name; keys are never paths a caller chose.</summary>
public sealed class LocalFolderStorage(string root) : IFileStorage
{
    private string PathOf(string key)
    {
        // Keys are ours ("<32 hex>.<ext>"); anything else is refused rather than resolved.
        if (key.Length > 40 || key.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '.')) || key.Count(c => c == '.') != 1)
            throw new ArgumentException("Not a storage key.", nameof(key));
        return Path.Combine(root, key[..2], key);
    }

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken cancellationToken)
    {
        var key = $"{Guid.NewGuid():N}.{extension}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }
}

/// <summary>What a file really is, judged by its first bytes (never by its name or the browser's claim).</summary>
public static class FileSignatures
{
    public sealed record Kind(string ContentType, string Extension);

    public static readonly Kind Pdf = new("application/pdf", "pdf");
    public static readonly Kind Png = new("image/png", "png");
    public static readonly Kind Jpeg = new("image/jpeg", "jpg");

    public static Kind? Detect(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? Pdf
        : head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? Png
        : head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? Jpeg
        : null;
}
