using Marketplace.Api.Infrastructure;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;

namespace Marketplace.Api.Features.Home;

/// <summary>The area home pages: what needs doing now, for a client and for a vendor (each its own operation).</summary>
public static class HomeEndpoints
{
    public static RouteGroupBuilder MapHomeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGroup("/client/home").WithTags("Home")
            .RequireOrganisationKind(OrganisationKind.Client, "home.clientsOnly")
            .MapGet("", ClientHome.Handle).RequireMember(null).WithName("GetClientHome").WithSummary("What needs doing now in the client organisation, for the caller");
        api.MapGroup("/vendor/home").WithTags("Home")
            .RequireOrganisationKind(OrganisationKind.Vendor, "home.vendorsOnly")
            .MapGet("", VendorHome.Handle).RequireMember(ApiScopes.OrganisationRead).WithName("GetVendorHome").WithSummary("What needs doing now in the vendor organisation: open matches, invitations, drafts, re-confirmations");
        return api;
    }
}
