using System.Net.Http.Json;
using System.Text.Json;

namespace Marketplace.TestSupport;

/// <summary>Reads the mail that arrived at the catcher ./test.sh started (maildev's HTTP API).</summary>
public static class MailCatcher
{
    private static readonly HttpClient Http = new() { BaseAddress = new Uri(RequireApi()) };

    private static string RequireApi() =>
        Environment.GetEnvironmentVariable("MARKETPLACE_TEST_MAIL_API") is { Length: > 0 } url
            ? url
            : throw new InvalidOperationException("MARKETPLACE_TEST_MAIL_API is not set. Run the tests through ./test.sh.");

    public sealed record Mail(string Subject, string Text, string To, string From);

    public static async Task<IReadOnlyList<Mail>> ForAsync(string toAddress)
    {
        var found = await Http.GetFromJsonAsync<JsonElement>($"/api/email?to.address={Uri.EscapeDataString(toAddress)}");
        return found.EnumerateArray().Select(m => new Mail(
            m.GetProperty("subject").GetString() ?? "",
            m.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "",
            m.GetProperty("to")[0].GetProperty("address").GetString() ?? "",
            m.GetProperty("from")[0].GetProperty("address").GetString() ?? "")).ToList();
    }

    /// <summary>Waits for the first mail to <paramref name="toAddress"/>.</summary>
    public static Task<Mail> WaitForAsync(string toAddress, TimeSpan? timeout = null) =>
        Eventually.Get(async () => (await ForAsync(toAddress)).FirstOrDefault(), $"a mail to {toAddress}", timeout);

    /// <summary>Waits for the first mail to <paramref name="toAddress"/> whose subject contains <paramref name="subjectPart"/>.</summary>
    public static Task<Mail> WaitForAsync(string toAddress, string subjectPart, TimeSpan? timeout = null) =>
        Eventually.Get(async () => (await ForAsync(toAddress)).FirstOrDefault(m => m.Subject.Contains(subjectPart)),
            $"a mail to {toAddress} about {subjectPart}", timeout);
}
