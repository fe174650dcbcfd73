using Scalar.AspNetCore;

namespace Marketplace.Api.Infrastructure;

public static class OpenApiSetup
{
    public static IHostApplicationBuilder AddMarketplaceOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Marketplace API";
            document.Info.Description = "Business outsourcing marketplace: RFPs, vendors, proposals and awards. Errors are RFC 9457 ProblemDetails.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>The document at /openapi/v1.json and an interactive reference at /api/docs.</summary>
    public static IEndpointRouteBuilder MapMarketplaceOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options =>
        {
            options.WithTitle("Marketplace API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
            // The reference is served wholly from this Api: no AI chat, hosted toolbar, CDN fonts or telemetry.
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.DefaultFonts = false;
            options.Telemetry = false;
        });
        return app;
    }
}
