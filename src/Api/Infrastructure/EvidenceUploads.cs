using Marketplace.Core.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Infrastructure;

/// <summary>A file that passed the upload rules: its real kind, its size and the name to show (never used to store it).</summary>
public sealed record AcceptedUpload(IFormFile File, FileSignatures.Kind Kind, string FileName);

/// <summary>
/// The platform's one set of upload rules (certification evidence, RFP attachments): the multipart field "file",
/// present, at most 10 MB, and a PDF, PNG or JPEG judged by its first bytes. Anything else is a field error in the
/// reader's language, and nothing is stored.
/// </summary>
public static class EvidenceUploads
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>For the endpoint's request size limit: room for the multipart framing around a file at the limit.</summary>
    public const long RequestLimit = 2 * MaxBytes;

    public static async Task<(AcceptedUpload? Upload, ValidationProblem? Problem)> ReadAsync(HttpRequest request, string defaultName, CancellationToken cancellationToken)
    {
        var english = Localization.CurrentLanguage == "en";
        ValidationProblem Problem(string ja, string en) => ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["file"] = [english ? en : ja] });
        IFormFile? file;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException) // a cut-off or malformed multipart body
        {
            return (null, Problem("アップロードが途中で切れたか、形式が正しくありません。もう一度送信してください。", "The upload was cut off or malformed; please send the file again."));
        }
        if (file is null || file.Length == 0) return (null, Problem("ファイルを選んでください。", "Choose a file."));
        if (file.Length > MaxBytes) return (null, Problem("ファイルが 10 MB を超えています。", "The file is larger than 10 MB."));
        await using var content = file.OpenReadStream();
        var head = new byte[8];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (FileSignatures.Detect(head.AsSpan(0, read)) is not { } kind)
            return (null, Problem("PDF・PNG・JPEG のファイルのみ登録できます（中身で判定しています）。", "Only PDF, PNG or JPEG files (judged by their content)."));
        // The name is only shown and offered for download, never used to store or to decide the type.
        var fileName = Path.GetFileName(file.FileName);
        fileName = string.IsNullOrWhiteSpace(fileName) ? $"{defaultName}.{kind.Extension}" : fileName[..Math.Min(fileName.Length, 200)];
        return (new AcceptedUpload(file, kind, fileName), null);
    }

    /// <summary>Stores the accepted file under a new key.</summary>
    public static async Task<string> StoreAsync(this AcceptedUpload upload, IFileStorage storage, CancellationToken cancellationToken)
    {
        await using var content = upload.File.OpenReadStream();
        return await storage.SaveAsync(content, upload.Kind.Extension, cancellationToken);
    }

    /// <summary>Always an attachment, with the type detected at upload and no sniffing: never rendered inline.</summary>
    public static async Task<IResult?> ServeAsync(IFileStorage storage, string key, string contentType, string fileName, CancellationToken cancellationToken) =>
        await storage.OpenAsync(key, cancellationToken) is { } stream ? Results.File(stream, contentType, fileName, enableRangeProcessing: false) : null;
}
