using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marketplace.Core.Data;
using Marketplace.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Idempotency keys for creating requests (Stripe's scheme, decision 0019): a request sent with an Idempotency-Key
/// header runs once per organisation and operation; the same request again gets the first one's answer
/// (Idempotent-Replayed: true), a second one while the first still runs gets 409, and the key sent with another
/// request gets 422. Only successful answers are kept (24 hours): after a refusal the same key may try again. Without
/// the header a request runs as usual.
/// </summary>
public static partial class Idempotency
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    private sealed class IdempotentMetadata;

    /// <summary>Makes the endpoint honour Idempotency-Key (it must act for an organisation).</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder route) =>
        route.WithMetadata(new IdempotentMetadata())
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity) // the key was used for a different request
            .ProducesValidationProblem() // a malformed key
            .AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (key.Length == 0) return await next(context);
            if (!KeyPattern().IsMatch(key))
                return ValidationRules.FieldProblem(new Dictionary<string, string[]>
                {
                    [Header] = [TextCatalogue.Say("idempotency.badKey")],
                });
            var actor = http.RequestServices.GetRequiredService<CurrentActor>();
            if (actor.OrganisationId is not { } organisation) return await next(context);
            var db = http.RequestServices.GetRequiredService<MarketplaceDbContext>();
            var operation = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? http.Request.Path.Value ?? "";
            var hash = await HashAsync(http.Request);

            // Claim the key (committed at once, outside any transaction of the handler), clearing this organisation's expired
            // ones. A claim left by a request that died half-way (the process stopped) is taken over after two minutes.
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH expired AS (DELETE FROM idempotent_requests WHERE organisation_id = {organisation} AND created_at < now() - {IdempotentRequest.Retention})
                INSERT INTO idempotent_requests (organisation_id, operation, key, request_hash, created_at)
                VALUES ({organisation}, {operation}, {key}, {hash}, now())
                ON CONFLICT (organisation_id, operation, key) DO UPDATE SET created_at = now()
                    WHERE idempotent_requests.status_code IS NULL AND idempotent_requests.request_hash = excluded.request_hash
                        AND idempotent_requests.created_at < now() - {AbandonedAfter}
                """, http.RequestAborted);
            if (claimed == 0)
            {
                var first = await db.IdempotentRequests.AsNoTracking()
                    .FirstOrDefaultAsync(r => r.OrganisationId == organisation && r.Operation == operation && r.Key == key, http.RequestAborted);
                if (first is null) return await next(context); // the first ended in a refusal a moment ago: the key is free again
                if (first.RequestHash != hash)
                    return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: TextCatalogue.Say("idempotency.reused.title"), detail: TextCatalogue.Say("idempotency.reused"));
                if (first.StatusCode is not { } status)
                    return ApiProblems.Conflict(TextCatalogue.Say("idempotency.inProgress.title"), TextCatalogue.Say("idempotency.inProgress"));
                return new Replay(status, first.ContentType, first.Location, first.Body ?? []);
            }

            try
            {
                var result = await next(context);
                // Run the answer into a buffer, to keep it, then send it on.
                var original = http.Response.Body;
                using var buffer = new MemoryStream();
                http.Response.Body = buffer;
                try
                {
                    await (result is IResult answer ? answer : TypedResults.Ok(result)).ExecuteAsync(http);
                }
                finally
                {
                    http.Response.Body = original;
                }
                var body = buffer.ToArray();
                if (http.Response.StatusCode is >= 200 and < 300)
                    await db.Database.ExecuteSqlInterpolatedAsync($"""
                        UPDATE idempotent_requests SET status_code = {http.Response.StatusCode}, content_type = {http.Response.ContentType ?? ""},
                            location = {http.Response.Headers.Location.ToString()}, body = {body}, completed_at = now()
                        WHERE organisation_id = {organisation} AND operation = {operation} AND key = {key}
                        """, CancellationToken.None);
                else await ReleaseAsync(db, organisation, operation, key);
                await original.WriteAsync(body, http.RequestAborted);
                return Results.Empty;
            }
            catch
            {
                try { await ReleaseAsync(db, organisation, operation, key); }
                catch (Exception) { } // the database is down too: the claim lapses (AbandonedAfter); the first error is the one to answer
                throw;
            }
        });

    /// <summary>Reads the body again for its hash (the Api keeps it readable for idempotent endpoints: UseIdempotencyBuffering).</summary>
    private static async Task<string> HashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var chunk = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0) sha.AppendData(chunk, 0, read);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static Task ReleaseAsync(MarketplaceDbContext db, Guid organisation, string operation, string key) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM idempotent_requests WHERE organisation_id = {organisation} AND operation = {operation} AND key = {key} AND status_code IS NULL",
            CancellationToken.None);

    /// <summary>Keeps the bodies of idempotent endpoints readable after binding, for their hash.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IdempotentMetadata>() is not null && http.Request.Headers.ContainsKey(Header))
            http.Request.EnableBuffering();
        await next(http);
    });


    /// <summary>The first request's answer, as it was sent.</summary>
    private sealed class Replay(int status, string? contentType, string? location, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (contentType is { Length: > 0 }) http.Response.ContentType = contentType;
            if (location is { Length: > 0 }) http.Response.Headers.Location = location;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            await http.Response.Body.WriteAsync(body, http.RequestAborted);
        }
    }
}
