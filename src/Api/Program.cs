using FluentValidation;
using Marketplace.Api.Features.Account;
using Marketplace.Api.Features.ApiClients;
using Marketplace.Api.Features.AuditLog;
using Marketplace.Api.Features.Awards;
using Marketplace.Api.Features.Billing;
using Marketplace.Api.Features.Catalogue;
using Marketplace.Api.Features.Connect;
using Marketplace.Api.Features.Evaluations;
using Marketplace.Api.Features.Home;
using Marketplace.Api.Features.Invitations;
using Marketplace.Api.Features.Members;
using Marketplace.Api.Features.Notifications;
using Marketplace.Api.Features.Organisations;
using Marketplace.Api.Features.Planning;
using Marketplace.Api.Features.Proposals;
using Marketplace.Api.Features.Rfps;
using Marketplace.Api.Features.Vendors;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Mail;
using Marketplace.Core.Rfps;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

builder.AddMarketplaceTelemetry("marketplace-api",
    tracing: t => t.AddAspNetCoreInstrumentation(),
    metrics: m => m.AddAspNetCoreInstrumentation());
builder.AddMarketplaceData();
// The vendor plans and their entitlements: configuration (src/Core/Billing/billing.json), decision 0017.
builder.Services.AddBilling(builder.Configuration);
// How much time an addendum leaves the vendors before the deadlines (Rfps:Addenda).
builder.Services.AddRfpRules(builder.Configuration);
// The marketplace search's in-memory facets, one per process, kept in step with PostgreSQL (decision record 0012).
builder.Services.AddSingleton<Marketplace.Core.Vendors.VendorSearchEngine>();
if (!Marketplace.Core.Hosting.BuildTimeDocumentGeneration.IsActive) // the OpenAPI document is written at build time, without a database
{
    builder.Services.AddSingleton<Marketplace.Api.Features.Vendors.SearchWarmUp>();
    builder.Services.AddHostedService(s => s.GetRequiredService<Marketplace.Api.Features.Vendors.SearchWarmUp>());
    builder.Services.AddHealthChecks().AddCheck<Marketplace.Api.Features.Vendors.SearchWarmUp>("search", tags: [HealthEndpoints.ReadyTag]);
    // The disguised-contracting check reads RFP texts with MeCab: loaded at start, or the Api does not start.
    builder.Services.AddHostedService<TextCheckWarmUp>();
}
builder.AddMarketplaceProblemDetails();
builder.AddMarketplaceRequestLimits();
builder.AddMarketplaceLocalization();
builder.AddMarketplaceHealthChecks();
builder.AddMarketplaceOpenApi();
builder.AddMarketplaceSpa();
builder.AddMarketplaceCompression();
builder.AddMarketplaceSecurityHeaders();
builder.AddMarketplaceDataProtection();
builder.AddMarketplaceRateLimiting();
builder.AddMarketplaceMail();
builder.AddMarketplaceIdentity();
builder.AddMarketplaceOidc();
builder.AddMarketplaceProxySupport();
builder.AddMarketplaceFileStorage();
builder.AddCurrentActor();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);

var app = builder.Build();

app.UseMarketplaceProxySupport(); // first: the scheme (for HSTS) and the client's address come from the proxy
app.UseMarketplaceSecurityHeaders();
app.UseMarketplaceCompression();
app.UseApiReferenceScriptHashes();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseMarketplaceRequestLimits();
app.UseRouting();
app.UseRateLimiter();
// Authentication (and OpenIddict's own endpoints, which it serves from the authentication middleware) only where it
// means something: health probes and the SPA's files must answer even while the database, which holds the keys, is down.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/connect")
                    || http.Request.Path.StartsWithSegments("/.well-known"), authenticated =>
{
    authenticated.UseAuthentication();
    authenticated.UseCurrentActor(); // the caller and the active organisation, once per request
});
// Tell the host that authentication is in the pipeline (in the branch above), or it adds a second, unconditional one.
((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
app.UseAuthorization();
app.UseIdempotencyBuffering(); // the endpoints that honour Idempotency-Key read the body again for its hash

app.MapHealthEndpoints();
app.MapMarketplaceOpenApi();
var api = app.MapGroup("/api/v1").DocumentEveryAnswer();
api.MapOrganisationEndpoints();
api.MapAccountEndpoints();
api.MapMemberEndpoints();
api.MapInvitationEndpoints();
api.MapApiClientEndpoints();
api.MapAuditLogEndpoints();
api.MapCatalogueEndpoints();
api.MapVendorProfileEndpoints();
api.MapCertificationEndpoints();
api.MapCertificationReview();
api.MapPublicVendorEndpoints();
api.MapSearchEndpoints();
api.MapCompareEndpoints();
api.MapWorkInventoryEndpoints();
api.MapRfpEndpoints();
api.MapClientProposalEndpoints();
api.MapEvaluationEndpoints();
api.MapAwardEndpoints();
api.MapVendorRfpEndpoints();
api.MapVendorProposalEndpoints();
api.MapContractEndpoints();
api.MapHomeEndpoints();
api.MapVendorBillingEndpoints();
api.MapStripeWebhookEndpoint();
api.MapNotificationEndpoints();
app.MapConnectEndpoints();
app.MapApiNotFound();
app.MapVendorPageMetadata();

// Endpoints run here, before the SPA, which answers everything that is left.
app.UseEndpoints(_ => { });
app.UseMarketplaceSpa();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
