using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.TestSupport;

/// <summary>
/// In every test host: an answer whose status the operation's OpenAPI document does not list is turned into a 500
/// that names it (header X-Undocumented-Answer), so the test that caused it fails. Every test of every suite thus
/// checks the document against what the Api really answers; 500 itself is never documented, and is a failure anyway.
/// </summary>
public sealed class DocumentedAnswers : IStartupFilter
{
    public const string Header = "X-Undocumented-Answer";

    /// <summary>Every undocumented answer seen by this process, "CreateRfp 409", for a test that wants to say which.</summary>
    public static readonly ConcurrentBag<string> Seen = [];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var documented = new Lazy<Task<Dictionary<string, HashSet<int>>>>(() => ReadAsync(app.ApplicationServices));
        app.Use(async (http, nextMiddleware) =>
        {
            http.Response.OnStarting(async () =>
            {
                var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
                if (operation is null || !(await documented.Value).TryGetValue(operation, out var statuses)) return;
                var status = http.Response.StatusCode;
                // 304 is the browser's own conversation (If-None-Match); 499 is a client that went away (nobody reads
                // the answer); 500 must stay a 500.
                if (statuses.Contains(status) || status is StatusCodes.Status304NotModified or StatusCodes.Status499ClientClosedRequest
                        or StatusCodes.Status500InternalServerError) return;
                Seen.Add($"{operation} {status}");
                Console.Error.WriteLine($"UNDOCUMENTED ANSWER: {operation} answered {status} ({http.Request.Method} {http.Request.Path})");
                http.Response.Headers[Header] = $"{operation} answered {status}, which its OpenAPI document does not list";
                http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            });
            await nextMiddleware(http);
        });
        next(app);
    };

    private static async Task<Dictionary<string, HashSet<int>>> ReadAsync(IServiceProvider services)
    {
        var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync();
        var statuses = new Dictionary<string, HashSet<int>>();
        foreach (var path in document.Paths.Values)
            foreach (var operation in path.Operations?.Values.ToList() ?? [])
                if (operation.OperationId is { } id)
                    statuses[id] = (operation.Responses?.Keys.ToList() ?? []).Select(k => int.TryParse(k, out var code) ? code : 0).ToHashSet();
        return statuses;
    }
}
