using Marketplace.Core.Integrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
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
                document.Info.License = new OpenApiLicense { Name = "Proprietary: for the marketplace's members and their integrations" };
                // Relative: the document is served by the deployment it describes, wherever that is.
                document.Servers = [new OpenApiServer { Url = "/", Description = "This deployment" }];
                document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
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
                            Scopes = ApiScopes.ForApiClients.ToDictionary(s => s.Name, s => s.Description),
                        },
                    },
                });
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer<ValidatedSchemas>();
            // Operations that need a token say so, so that generated clients and the reference send one.
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    // Either a person's token (scope marketplace) or an integration's with the operation's own scope.
                    var scheme = new OpenApiSecuritySchemeReference(OAuthScheme, context.Document);
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [scheme] = [ApiScopes.Marketplace] });
                    if (metadata.OfType<RequiredScope>().FirstOrDefault() is { } required)
                        operation.Security.Add(new OpenApiSecurityRequirement { [scheme] = [required.Scope] });
                }
                else
                    operation.Security = []; // public: says so, rather than leaving the reader to guess
                // A status declared with only its reason phrase gets the shared meaning (ApiAnswers).
                foreach (var (status, response) in operation.Responses ?? [])
                    if (int.TryParse(status, out var code) && ApiAnswers.MeaningOf(code) is { } meaning
                        && response is OpenApiResponse concrete && (string.IsNullOrEmpty(concrete.Description) || concrete.Description == ReasonPhrases.GetReasonPhrase(code)))
                        concrete.Description = meaning;
                if (metadata.OfType<ApiAnswers.HonoursIfMatchMetadata>().Any())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "If-Match",
                        In = ParameterLocation.Header,
                        Description = "The ETag the object was read with: the change is made only if nobody saved since (else 412).",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
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

    /// <summary>Every tag an operation carries, with what its operations are for (a test keeps the list complete).</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Account"] = "Signing up, in and out, passwords, and the signed-in person.",
        ["Organisations"] = "Registering a client company or a vendor, and reading one's organisation.",
        ["Members"] = "The people of an organisation and their roles.",
        ["Invitations"] = "Inviting people into an organisation by e-mail, and accepting.",
        ["API clients"] = "An organisation's integrations: client-credentials clients and the scopes they hold.",
        ["Audit log"] = "What was done in an organisation, by whom and when, tamper-evident.",
        ["Catalogue"] = "The services the marketplace trades in (BPO, ITO, KPO), and its vocabulary.",
        ["Marketplace"] = "Finding and comparing vendors: search, vendor pages, the compare tray.",
        ["Vendor profile"] = "A vendor's own profile: services, fees, security and certifications.",
        ["Billing"] = "A vendor's plan, paid through Stripe, and Stripe's events.",
        ["Operator"] = "The platform operator's work: the catalogue and certification reviews.",
        ["Work inventory"] = "A client's tasks and volumes, the ground for an RFP's scope.",
        ["RFPs"] = "A client's RFPs: drafting, publishing, questions, proposals, evaluation and award.",
        ["Vendor RFPs"] = "The RFPs a vendor was invited to or matched with, and its questions.",
        ["Vendor proposals"] = "A vendor's proposal to an RFP: drafting, attachments, submitting and withdrawing.",
        ["Contracts"] = "Awarded contracts and their monthly KPI reviews.",
        ["Home"] = "What needs doing, for a client's and a vendor's home page.",
        ["Notifications"] = "An organisation's notices, read and unread.",
    };

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
