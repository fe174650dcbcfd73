using System.Text.Json;
using Marketplace.Core.Data;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Api.Infrastructure;

public static class ProblemDetailsSetup
{
    /// <summary>Every error the Api answers is a ProblemDetails (RFC 9457) with a trace id; never a stack trace.</summary>
    public static IHostApplicationBuilder AddMarketplaceProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            // ASP.NET Core names a type for the common statuses only; these get theirs, so every problem has one.
            if (context.ProblemDetails.Type is null && context.ProblemDetails.Status is { } status && TypesAspNetDoesNotName.TryGetValue(status, out var type))
                context.ProblemDetails.Type = type;
        });
        builder.Services.AddExceptionHandler<MarketplaceExceptionHandler>();
        // Malformed request bodies throw in every environment, so they reach the handler below and get a clear 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    private static readonly Dictionary<int, string> TypesAspNetDoesNotName = new()
    {
        [StatusCodes.Status402PaymentRequired] = "https://tools.ietf.org/html/rfc9110#section-15.5.3",
        [StatusCodes.Status413PayloadTooLarge] = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        [StatusCodes.Status414UriTooLong] = "https://tools.ietf.org/html/rfc9110#section-15.5.15",
        [StatusCodes.Status429TooManyRequests] = "https://tools.ietf.org/html/rfc6585#section-4",
    };

    /// <summary>
    /// Kestrel answers a request line longer than its limit itself, with an empty 414. Its limit is set above the
    /// Api's, so that the Api's own limit (8 KiB, Kestrel's default) answers first, as a ProblemDetails; only a line
    /// over Kestrel's limit, which no client of this Api sends, still gets the bare answer (the ingress caps it first).
    /// </summary>
    public const int LongestUrl = 8 * 1024;

    public static void AddMarketplaceRequestLimits(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = 4 * LongestUrl);

    public static void UseMarketplaceRequestLimits(this WebApplication app) => app.Use((http, next) =>
    {
        var request = http.Request;
        if (request.Path.Value?.Length + request.QueryString.Value?.Length + request.PathBase.Value?.Length > LongestUrl)
        {
            var english = Localization.CurrentLanguage == "en";
            return Results.Problem(statusCode: StatusCodes.Status414UriTooLong,
                    title: english ? "The address is too long" : "アドレスが長すぎます",
                    detail: english ? $"Keep the path and query under {LongestUrl} characters; send long values in a request body."
                                    : $"パスとクエリは {LongestUrl} 文字以内にしてください。長い値は本文で送ってください。")
                .ExecuteAsync(http);
        }
        return next(http);
    });

    /// <summary>
    /// A request under /api that no endpoint took gets a ProblemDetails rather than the SPA's index.html. The
    /// catch-all would otherwise hide routing's own answers, because a fallback matches every method and content type,
    /// so they are worked out again here: 404 when no route matches the path (an id that is not an id included), 405
    /// (with Allow) when the path exists for other methods, 415 when the method is right but the body's type is not.
    /// </summary>
    public static IEndpointRouteBuilder MapApiNotFound(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**path}", (HttpContext context, EndpointDataSource endpoints, IInlineConstraintResolver constraints) =>
            {
                var english = Localization.CurrentLanguage == "en";
                var matching = MatchingEndpoints(endpoints, constraints, context);
                var allowed = matching.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Distinct().Order().ToList();
                if (allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
                {
                    var types = matching.SelectMany(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []).Distinct().ToList();
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status415UnsupportedMediaType,
                        title: english ? "Unsupported content type" : "本文の形式に対応していません",
                        detail: english
                            ? $"Send the body as {string.Join(" or ", types.DefaultIfEmpty("application/json"))}, with that Content-Type."
                            : $"本文は {string.Join("、", types.DefaultIfEmpty("application/json"))} で、その Content-Type を付けて送ってください。");
                }
                if (allowed.Count > 0)
                {
                    context.Response.Headers.Allow = string.Join(", ", allowed);
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status405MethodNotAllowed,
                        title: english ? "Method not allowed" : "このメソッドには対応していません",
                        detail: english
                            ? $"{context.Request.Method} is not supported here; use {string.Join(" or ", allowed)}."
                            : $"ここでは {context.Request.Method} を使えません。{string.Join("、", allowed)} をお使いください。");
                }
                return ApiProblems.NotFound(english
                    ? $"There is no API endpoint at {context.Request.Path}. The API reference is at /api/docs."
                    : $"{context.Request.Path} に該当する API はありません。API リファレンスは /api/docs にあります。");
            })
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The endpoints whose route matches the path, constraints included ("{id:guid}" does not match "-1").</summary>
    private static List<RouteEndpoint> MatchingEndpoints(EndpointDataSource endpoints, IInlineConstraintResolver constraints, HttpContext context)
    {
        var matching = new List<RouteEndpoint>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.RoutePattern.RawText is not { } raw || raw.Contains("**")) continue;
            var values = new RouteValueDictionary();
            var matcher = new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(raw.TrimStart('/')), new RouteValueDictionary());
            if (!matcher.TryMatch(context.Request.Path, values)) continue;
            var satisfied = endpoint.RoutePattern.ParameterPolicies.All(parameter => parameter.Value.All(reference =>
                (reference.ParameterPolicy ?? (reference.Content is { } content ? constraints.ResolveConstraint(content) : null))
                    is not IRouteConstraint constraint
                || constraint.Match(context, null, parameter.Key, values, RouteDirection.IncomingRequest)));
            if (satisfied) matching.Add(endpoint);
        }
        return matching;
    }
}

/// <summary>Problem results that endpoints share, so every 404 reads the same.</summary>
public static class ApiProblems
{
    /// <summary>404 as ProblemDetails. Also what another tenant's id answers: nothing says the object exists.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);

    /// <summary>409: the request is valid but the object's state does not allow it; the texts are for people.</summary>
    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    /// <summary>403 inside one's own organisation: the object exists for the caller, the role does not allow this.</summary>
    public static ProblemHttpResult Forbidden(string? detail = null) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: Localization.CurrentLanguage == "en" ? "Not allowed" : "権限がありません",
        detail: detail ?? (Localization.CurrentLanguage == "en"
            ? "Your role in this organisation does not allow this."
            : "この操作を行う権限がありません。組織の管理者にお問い合わせください。"));
}

internal sealed class MarketplaceExceptionHandler(IProblemDetailsService problemDetails, ILogger<MarketplaceExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The localization middleware's culture does not flow back out to this handler; its choice stays on the request.
        if (httpContext.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } culture)
            System.Globalization.CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => BadJson(json),
            BadHttpRequestException bad => BadRequest(bad),
            // Every rule of the domain that refuses a move, answered here once (handlers do not catch them).
            Marketplace.Core.Texts.DomainException refused => Refused(refused),
            Marketplace.Core.Mail.EmailDeliveryException => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = "The e-mail could not be sent at the moment. Nothing was saved; please try again shortly.",
            },
            // Two requests at once (a double click, two tabs, a colleague): the one that lost is told, and nothing of it was saved.
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException when httpContext.Request.Headers.IfMatch.Count > 0 => new ProblemDetails
            {
                Status = StatusCodes.Status412PreconditionFailed, Title = Revisions.StaleTitle, Detail = Revisions.StaleDetail,
            },
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException => Lost(StatusCodes.Status409Conflict),
            Microsoft.EntityFrameworkCore.DbUpdateException update when update.IsUniqueViolation() => Lost(StatusCodes.Status409Conflict),
            _ when IsSerializationFailure(exception) => Lost(StatusCodes.Status409Conflict),
            _ when DataExtensions.IsDatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = "The database is not reachable at the moment. Nothing was changed; please try again shortly.",
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
        };

        switch (problem.Status)
        {
            case 400 or 403 or 409 when exception is Marketplace.Core.Texts.DomainException:
                logger.LogInformation("Refused {Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
                break;
            case 409 or 412 when exception is not BadHttpRequestException:
                logger.LogInformation("Lost a race on {Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
                break;
            case >= 500 and not 503:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                break;
            case 503:
                logger.LogWarning("Database unavailable on {Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
                httpContext.Response.Headers.RetryAfter = "5";
                break;
            default:
                logger.LogInformation("Bad request on {Method} {Path}: {Message}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>A domain rule's refusal: 409, 403, or 400 with its field errors; its texts in the reader's language, its code for programs.</summary>
    private static ProblemDetails Refused(Marketplace.Core.Texts.DomainException refused)
    {
        ProblemDetails problem = refused.Refusal switch
        {
            Marketplace.Core.Texts.Refusal.Invalid => new ValidationProblemDetails(refused.Errors.GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => TextCatalogue.Say(e.Text)).ToArray()))
            { Status = StatusCodes.Status400BadRequest },
            Marketplace.Core.Texts.Refusal.Forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Detail = TextCatalogue.Say(refused.Detail) },
            _ => new ProblemDetails { Status = StatusCodes.Status409Conflict, Detail = TextCatalogue.Say(refused.Detail) },
        };
        problem.Title = TextCatalogue.Say(refused.Title);
        problem.Extensions["code"] = refused.Detail.Code;
        foreach (var (name, value) in refused.Facts) problem.Extensions[name] = value;
        return problem;
    }

    private static bool IsSerializationFailure(Exception exception) =>
        (exception as Npgsql.PostgresException ?? exception.InnerException as Npgsql.PostgresException)?.SqlState
            is Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected;

    /// <summary>The answer to the request that lost a race: what happened, and what to do (nothing of it was saved).</summary>
    private static ProblemDetails Lost(int status)
    {
        var english = Localization.CurrentLanguage == "en";
        return new ProblemDetails
        {
            Status = status,
            Title = english ? "Changed meanwhile" : "他の操作と重なりました",
            Detail = english
                ? "Another request changed this at the same moment (a second click, another tab or a colleague), so this one changed nothing. Reload to see what stands."
                : "同じ時点で別の操作（二度目のクリック、別のタブ、同僚の操作）が反映されたため、この操作では何も変更していません。読み込み直して現在の内容をご確認ください。",
        };
    }

    private static ValidationProblemDetails BadJson(JsonException json)
    {
        // The JSON path names the field ("$.currentVolumes[0].monthlyQuantity" → "currentVolumes[0].monthlyQuantity",
        // as the validators name it), so that the form shows the message beside the field, in the reader's language.
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.StartsWith("$.") ? json.Path[2..] : json.Path;
        var english = Localization.CurrentLanguage == "en";
        return FieldProblem(field, Expected(ConvertedTo(json.Message), english), english);
    }

    /// <summary>
    /// A value in the path or query that is not of its parameter's type ("Failed to bind parameter \"Guid id\" from
    /// \"x\"") or a missing one, said as a field error on the parameter, in the reader's language and without .NET's
    /// type names. Anything else the framework refuses (a body too large, a wrong content type) keeps its status.
    /// </summary>
    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var english = Localization.CurrentLanguage == "en";
        var parameter = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"(?<type>[^\" ]+) (?<name>[^\" ]+)\"");
        if (bad.StatusCode == StatusCodes.Status400BadRequest && parameter.Success)
        {
            var missing = bad.Message.StartsWith("Required parameter", StringComparison.Ordinal);
            return FieldProblem(parameter.Groups["name"].Value,
                missing ? (english ? "This value is required." : "この値は必須です。") : Expected(parameter.Groups["type"].Value, english), english);
        }
        return bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = english ? "Too large" : "大きすぎます",
                Detail = english ? "The request body is larger than this endpoint accepts." : "本文がこの API で受け付ける大きさを超えています。",
            },
            StatusCodes.Status415UnsupportedMediaType => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = english ? "Unsupported content type" : "本文の形式に対応していません",
                Detail = english ? "Send the body as application/json, with that Content-Type." : "本文は application/json で、その Content-Type を付けて送ってください。",
            },
            _ => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = english ? "The request cannot be read" : "リクエストを読み取れません",
                Detail = english ? "The request is not in the form this endpoint expects; the API reference is at /api/docs."
                                 : "リクエストがこの API の形式に合っていません。API リファレンスは /api/docs にあります。",
            },
        };
    }

    private static ValidationProblemDetails FieldProblem(string field, string message, bool english) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ValidationRules.FieldProblemTitle,
            // The reader's language, not the framework's English ("The JSON value could not be converted to …").
            Detail = english ? "One value in the request could not be read; it is named under errors." : "読み取れない値があります。項目ごとの内容をご確認ください。",
        };

    /// <summary>The .NET type a JSON value failed to become ("… could not be converted to System.Guid. Path: …").</summary>
    private static string ConvertedTo(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, "converted to (?<type>[^ .]+(?:\\.[^ .]+)*)") is { Success: true } match
            ? match.Groups["type"].Value : "";

    /// <summary>What a value of this .NET type must look like, for people (no type names).</summary>
    private static string Expected(string type, bool english)
    {
        // "System.Nullable`1[[System.Int32 …]]", "Nullable<int>", "int?" and "System.Int32" all mean a whole number.
        var inner = System.Text.RegularExpressions.Regex.Match(type, "Nullable(?:<|`1\\[\\[?)(?<inner>[^,>\\]]+)") is { Success: true } nullable
            ? nullable.Groups["inner"].Value : type;
        // System.Text.Json names the record rather than the field's type when a constructor parameter fails: the
        // message then covers the usual causes (a number too large, a fraction where yen or counts are whole).
        if (inner.StartsWith("Marketplace.", StringComparison.Ordinal)) inner = "";
        var name = inner.Split('.')[^1].TrimEnd('?', ']', '[') switch
        {
            "int" => "Int32",
            "long" => "Int64",
            "short" => "Int16",
            "bool" => "Boolean",
            "decimal" => "Decimal",
            "double" => "Double",
            "float" => "Single",
            "string" => "String",
            var other => other,
        };
        return name switch
        {
            "Guid" => english ? "Expected an id (a UUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301)." : "ID（3f2504e0-4f89-11d3-9a0c-0305e82c3301 のような UUID）を指定してください。",
            "DateOnly" => english ? "Expected a date as YYYY-MM-DD." : "日付を YYYY-MM-DD の形で指定してください。",
            "DateTimeOffset" or "DateTime" => english ? "Expected a date and time as ISO 8601 (2026-04-01T09:00:00+09:00)." : "日時を ISO 8601（2026-04-01T09:00:00+09:00）の形で指定してください。",
            "Boolean" => english ? "Expected true or false." : "true または false を指定してください。",
            "String" => english ? "Expected text (a JSON string)." : "文字列を指定してください。",
            "Int32" or "Int64" or "Int16" or "Byte" => english ? "Expected a whole number that is not too large (no decimals)." : "桁の大きすぎない整数を指定してください（小数は使えません）。",
            "Decimal" or "Double" or "Single" => english ? "Expected a number that is not too large." : "桁の大きすぎない数値を指定してください。",
            "" => english
                ? "This value cannot be read for this field. For a number: use one that is not too large, and no decimals for yen or counts."
                : "この項目の値を読み取れません。数値の場合は、桁が大きすぎないか、円や件数に小数を使っていないかをご確認ください。",
            // Enumerations and lists: the reference names the values they take.
            _ => english ? "This value is not one this field takes; the API reference lists them." : "この項目に指定できない値です。指定できる値は API リファレンスをご覧ください。",
        };
    }
}
