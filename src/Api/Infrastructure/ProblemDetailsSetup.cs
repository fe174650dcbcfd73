using System.Text.Json;
using Marketplace.Core.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
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
        });
        builder.Services.AddExceptionHandler<MarketplaceExceptionHandler>();
        // Malformed request bodies throw in every environment, so they reach the handler below and get a clear 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    /// <summary>
    /// A path under /api that no endpoint answers gets a ProblemDetails rather than the SPA's index.html:
    /// 405 (with Allow) when the path exists for other methods, else 404. The catch-all would otherwise hide
    /// routing's own 405, because a fallback matches every method.
    /// </summary>
    public static IEndpointRouteBuilder MapApiNotFound(this IEndpointRouteBuilder app)
    {
        app.MapFallback("/api/{**path}", (HttpContext context, EndpointDataSource endpoints) =>
            {
                var allowed = AllowedMethods(endpoints, context.Request.Path);
                if (allowed.Count > 0)
                {
                    context.Response.Headers.Allow = string.Join(", ", allowed);
                    return TypedResults.Problem(
                        statusCode: StatusCodes.Status405MethodNotAllowed,
                        title: "Method Not Allowed",
                        detail: $"{context.Request.Method} is not supported here; use {string.Join(" or ", allowed)}.");
                }
                return ApiProblems.NotFound($"There is no API endpoint at {context.Request.Path}. The API reference is at /api/docs.");
            })
            .ExcludeFromDescription();
        return app;
    }

    private static List<string> AllowedMethods(EndpointDataSource endpoints, PathString path) =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains("**")
                        && new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
                            Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse(raw.TrimStart('/')), new RouteValueDictionary())
                            .TryMatch(path, new RouteValueDictionary()))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct()
            .Order()
            .ToList();
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
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad Request", Detail = bad.Message },
            // The RFP's own check (RfpPublishing.Problems) names this first; here only when a colleague's addendum moved it meanwhile.
            Marketplace.Core.Rfps.RfpDeadlineMovedEarlierException moved => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [moved.Field] = [Localization.CurrentLanguage == "en"
                    ? $"A published RFP's deadlines only move later: choose {Marketplace.Core.Hosting.JapanDate.Format(moved.Current, true)} or later."
                    : $"公開後の締切は早められません。{Marketplace.Core.Hosting.JapanDate.Format(moved.Current, false)} 以降にしてください。"],
            }) { Status = StatusCodes.Status400BadRequest, Title = Localization.CurrentLanguage == "en" ? "Check the deadlines" : "締切を確認してください" },
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
        // System.Text.Json does not always name the type it failed on (a record's constructor names the record), so the
        // message covers the usual cause: a number too large for the field, or a fraction where yen or counts are whole.
        var message = english
            ? "This value cannot be read for this field. For a number: use one that is not too large, and no decimals for yen or counts."
            : "この項目の値を読み取れません。数値の場合は、桁が大きすぎないか、円や件数に小数を使っていないかをご確認ください。";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ValidationRules.FieldProblemTitle,
            // The reader's language, not the serializer's English ("The JSON value could not be converted to …").
            Detail = english ? "One value in the request could not be read; it is named under errors." : "読み取れない値があります。項目ごとの内容をご確認ください。",
        };
    }
}
