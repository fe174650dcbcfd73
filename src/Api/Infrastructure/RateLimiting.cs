using System.Threading.RateLimiting;

namespace Marketplace.Api.Infrastructure;

/// <summary>Section "RateLimits:{policy}": how many requests one client address may make per window.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimiting
{
    /// <summary>Registration (and, with identity, sign-up, sign-in and password reset): per client address.</summary>
    public const string Registration = "registration";

    public static IHostApplicationBuilder AddMarketplaceRateLimiting(this IHostApplicationBuilder builder)
    {
        var registration = builder.Configuration.GetSection($"RateLimits:{Registration}").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy(Registration, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = registration.PermitLimit, Window = registration.Window, QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : registration.Window;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                var english = Localization.CurrentLanguage == "en";
                await Results.Problem(
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: english ? "Too many requests" : "リクエストが多すぎます",
                        detail: english
                            ? $"Please wait {Math.Ceiling(retryAfter.TotalSeconds)} seconds and try again."
                            : $"{Math.Ceiling(retryAfter.TotalSeconds)} 秒ほど待ってから、もう一度お試しください。")
                    .ExecuteAsync(http);
            };
        });
        return builder;
    }
}
