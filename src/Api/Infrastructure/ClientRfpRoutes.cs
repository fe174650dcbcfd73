using Marketplace.Core.Organisations;

namespace Marketplace.Api.Infrastructure;

public static class ClientRfpRoutes
{
    /// <summary>
    /// The route group under <c>/rfps</c> of a client organisation, where the RFP, proposal, evaluation and award
    /// features each map their routes (a vendor organisation is told to switch: 404).
    /// </summary>
    public static RouteGroupBuilder MapClientRfps(this RouteGroupBuilder api) =>
        api.MapGroup("/rfps").WithTags("RFPs").RequireOrganisationKind(OrganisationKind.Client, "rfps.clientsOnly");
}
