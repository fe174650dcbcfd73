using FluentValidation;
using Marketplace.Api.Features.Account;
using Marketplace.Api.Features.Organisations;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Mail;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

var builder = WebApplication.CreateBuilder(args);

builder.AddMarketplaceTelemetry("marketplace-api",
    tracing: t => t.AddAspNetCoreInstrumentation(),
    metrics: m => m.AddAspNetCoreInstrumentation());
builder.AddMarketplaceData();
builder.AddMarketplaceProblemDetails();
builder.AddMarketplaceLocalization();
builder.AddMarketplaceHealthChecks();
builder.AddMarketplaceOpenApi();
builder.AddMarketplaceSpa();
builder.AddMarketplaceDataProtection();
builder.AddMarketplaceRateLimiting();
builder.AddMarketplaceMail();
builder.AddMarketplaceIdentity();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseRouting();
app.UseRateLimiter();

app.MapHealthEndpoints();
app.MapMarketplaceOpenApi();
var api = app.MapGroup("/api/v1");
api.MapOrganisationEndpoints();
api.MapAccountEndpoints();
app.MapApiNotFound();

// Endpoints run here, before the SPA, which answers everything that is left.
app.UseEndpoints(_ => { });
app.UseMarketplaceSpa();

app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
