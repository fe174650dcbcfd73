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
            .RequireOrganisationKind(OrganisationKind.Client, ("発注企業のホームは発注側の組織で開けます。ヘッダーで発注側の組織を選んでください。",
                "The client home is for client organisations. Choose a client organisation in the header."))
            .MapGet("", ClientHome.Handle).RequireMember(null).WithName("GetClientHome").WithSummary("What needs doing now in the client organisation, for the caller");
        api.MapGroup("/vendor/home").WithTags("Home")
            .RequireOrganisationKind(OrganisationKind.Vendor, ("ベンダーのホームはベンダーの組織で開けます。ヘッダーでベンダーの組織を選んでください。",
                "The vendor home is for vendor organisations. Choose a vendor organisation in the header."))
            .MapGet("", VendorHome.Handle).RequireMember(ApiScopes.OrganisationRead).WithName("GetVendorHome").WithSummary("What needs doing now in the vendor organisation: open matches, invitations, drafts, re-confirmations");
        return api;
    }
}
