using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Marketplace.Api.Infrastructure;

public static class OpenApiSetup
{
    private const string OAuthScheme = "oauth2";

    public static IHostApplicationBuilder AddMarketplaceOpenApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Marketplace API";
                document.Info.Description = """
                    Business outsourcing marketplace: RFPs, vendors, proposals and awards. Errors are RFC 9457 ProblemDetails.
                    Sign-in: OpenID Connect (discovery at /.well-known/openid-configuration). People use the authorization code
                    flow with PKCE (S256) and name the organisation they act for in the X-Organisation-Id header; an
                    organisation's integrations use client credentials and act for their own organisation.
                    """;
                document.AddComponent(OAuthScheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "Tokens from this Api's own OIDC server.",
                    Flows = new OpenApiOAuthFlows
                    {
                        AuthorizationCode = new OpenApiOAuthFlow
                        {
                            AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = new Dictionary<string, string> { ["marketplace"] = "everything the person's role allows" },
                        },
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri("/connect/token", UriKind.Relative),
                            Scopes = new Dictionary<string, string>
                            {
                                ["organisation.read"] = "read the organisation, its members and notifications",
                                ["audit.read"] = "read the organisation's audit log",
                            },
                        },
                    },
                });
                return Task.CompletedTask;
            });
            // Operations that need a token say so, so that generated clients and the reference send one.
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuthScheme, context.Document)] = [] });
                }
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ActsInsideAnOrganisation>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = CurrentActor.OrganisationHeader,
                        In = ParameterLocation.Header,
                        Description = "The organisation a person acts for (they must be a member). Ignored for API clients, which act for their own.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                    });
                }
                return Task.CompletedTask;
            });
        });
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
