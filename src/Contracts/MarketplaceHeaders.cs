namespace Marketplace.Contracts;

/// <summary>Header names that travel with every message.</summary>
public static class MarketplaceHeaders
{
    /// <summary>The tenant the message belongs to; consumers set it before touching tenant data.</summary>
    public const string OrganisationId = "Marketplace-Organisation-Id";
}
