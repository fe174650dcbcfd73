using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Every answer an operation can give is in its OpenAPI document (decision 0023). An endpoint lists what its handler
/// answers itself (a 409 for a state that forbids the change, a 402 beyond the plan); the answers that the shared
/// machinery gives are added here, once, from what the endpoint is: signed-in (401, 403), inside an organisation or
/// with an id in its path (404), with a body (400, 413, 415), writing (409 when another request changed the object
/// at the same moment), limited (429), and every one of them 503 while the database is unreachable.
/// </summary>
public static class ApiAnswers
{
    private static readonly string[] ProblemTypes = ["application/problem+json"];

    /// <summary>What each shared answer means, for the reader of the reference.</summary>
    private static readonly Dictionary<int, string> Meanings = new()
    {
        [StatusCodes.Status400BadRequest] = "The request cannot be used as it is: ValidationProblemDetails names each field (in the language of Accept-Language).",
        [StatusCodes.Status401Unauthorized] = "No valid access token was sent.",
        [StatusCodes.Status403Forbidden] = "The token's scope or the person's role in the organisation does not allow this.",
        [StatusCodes.Status404NotFound] = "Nothing of this id in the acting organisation (another organisation's object answers the same), or the organisation is of the other kind.",
        [StatusCodes.Status409Conflict] = "The object's state does not allow this, or another request changed it at the same moment; nothing was changed.",
        [StatusCodes.Status412PreconditionFailed] = "The If-Match revision is not the current one: someone saved meanwhile; nothing was changed.",
        [StatusCodes.Status413PayloadTooLarge] = "The request body is larger than this operation accepts.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not of the content type this operation reads.",
        [StatusCodes.Status429TooManyRequests] = "Too many attempts from this address; Retry-After says when to try again.",
        [StatusCodes.Status503ServiceUnavailable] = "The database is unreachable for a moment; nothing was changed. Retry-After says when to try again.",
    };

    /// <summary>Marks an operation that honours If-Match with the revision (ETag) it was read at.</summary>
    public sealed class HonoursIfMatchMetadata;

    public static RouteHandlerBuilder HonoursIfMatch(this RouteHandlerBuilder route) =>
        route.WithMetadata(new HonoursIfMatchMetadata()).ProducesProblem(StatusCodes.Status412PreconditionFailed);

    /// <summary>
    /// A download: the file's bytes with its own content type (an uploaded PDF, image or spreadsheet), so the document
    /// names the usual ones and says that it is binary.
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder route, params string[] contentTypes) =>
        route.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream),
            contentTypes.Length > 0 ? contentTypes : ["application/pdf", "image/png", "image/jpeg", "application/octet-stream"])
        {
            Description = "The file, as a download (Content-Disposition names it).",
        });

    /// <summary>Applied to the /api/v1 group, after every endpoint's own conventions (it reads what they declared).</summary>
    public static RouteGroupBuilder DocumentEveryAnswer(this RouteGroupBuilder api)
    {
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var methods = metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var pattern = (endpoint as RouteEndpointBuilder)?.RoutePattern;
            var statuses = new List<int> { StatusCodes.Status503ServiceUnavailable };
            if (metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any() && !metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
                statuses.AddRange([StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden]);
            if (metadata.OfType<ActsInsideAnOrganisation>().Any() || pattern?.Parameters.Count > 0)
                statuses.Add(StatusCodes.Status404NotFound);
            var readsBody = metadata.OfType<IAcceptsMetadata>().Any();
            if (readsBody)
                statuses.AddRange([StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType]);
            // A value in the path or the query that is not of its type (the route's own constraints answer 404).
            if (metadata.OfType<IParameterBindingMetadata>().Any(p => !p.IsOptional || p.HasTryParse || p.HasBindAsync))
                statuses.Add(StatusCodes.Status400BadRequest);
            if (methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
                statuses.Add(StatusCodes.Status409Conflict);
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                statuses.Add(StatusCodes.Status429TooManyRequests);

            var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
            foreach (var status in statuses.Distinct().Where(s => !declared.Contains(s)))
                metadata.Add(new ProducesResponseTypeMetadata(status,
                    status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails), ProblemTypes)
                {
                    Description = Meanings[status],
                });
        });
        return api;
    }

    /// <summary>The meaning of a shared answer, for a status an endpoint declared without saying what it means.</summary>
    public static string? MeaningOf(int status) => Meanings.GetValueOrDefault(status);
}
