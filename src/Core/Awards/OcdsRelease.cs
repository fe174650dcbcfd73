using System.Globalization;
using System.Text.Json.Nodes;
using Marketplace.Core.Rfps;

namespace Marketplace.Core.Awards;

/// <summary>A bid as OCDS sees it: a submitted proposal, valid when it answers the RFP version in force.</summary>
public sealed record OcdsBid(Guid ProposalId, Guid VendorId, string VendorName, DateTimeOffset ReceivedAt, bool Conforms, long TotalYen);

/// <param name="Bids">The submitted proposals; empty while they are sealed (before the deadline).</param>
/// <param name="Award">The approved award, with its contract; null until then.</param>
public sealed record OcdsInput(Guid RfpId, RfpContent Content, RfpStatus Status, int Version, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt,
    Guid ClientId, string ClientName, IReadOnlyList<OcdsBid> Bids, (RfpAward Award, Contract Contract)? Award);

/// <summary>
/// An RFP as an Open Contracting Data Standard release package (OCDS 1.1 with the bid extension): the tender; the
/// bids once the deadline has passed; the award and the contract once approved. One compiled release describes the
/// process as it stands. The ocid prefix is configuration (<c>Ocds:OcidPrefix</c>): register one with the OCDS
/// helpdesk before publishing the data publicly.
/// </summary>
public static class OcdsRelease
{
    public const string BidExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json";
    public const string DefaultOcidPrefix = "ocds-mktplc";

    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    private static string Date(DateTimeOffset at) => at.ToOffset(Japan).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Date(DateOnly day) => Date(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Japan));

    private static JsonObject Yen(long amount) => new() { ["amount"] = amount, ["currency"] = "JPY" };

    private static JsonObject Party(Guid id, string name) => new() { ["id"] = id.ToString(), ["name"] = name };

    public static JsonObject Package(OcdsInput input, string packageUri, string ocidPrefix, DateTimeOffset now) => new()
    {
        ["uri"] = packageUri,
        ["version"] = "1.1",
        ["extensions"] = new JsonArray(BidExtension),
        ["publishedDate"] = Date(now),
        ["publisher"] = new JsonObject { ["name"] = "Marketplace" },
        ["releases"] = new JsonArray(Release(input, ocidPrefix)),
    };

    public static JsonObject Release(OcdsInput input, string ocidPrefix)
    {
        var rfp = input.Content;
        var awarded = input.Award;
        var tags = input.Status switch
        {
            RfpStatus.Cancelled => new JsonArray("tenderCancellation"),
            RfpStatus.Awarded when awarded is not null => new JsonArray("tender", "award", "contract"),
            _ => new JsonArray(input.Version > 1 ? "tenderAmendment" : "tender"),
        };
        var parties = new JsonArray(new JsonObject
        {
            ["id"] = input.ClientId.ToString(), ["name"] = input.ClientName, ["roles"] = new JsonArray("buyer", "procuringEntity"),
        });
        foreach (var bid in input.Bids)
        {
            var roles = new JsonArray("tenderer");
            if (awarded?.Award.VendorId == bid.VendorId) roles.Add("supplier");
            parties.Add(new JsonObject { ["id"] = bid.VendorId.ToString(), ["name"] = bid.VendorName, ["roles"] = roles });
        }

        var tender = new JsonObject
        {
            ["id"] = input.RfpId.ToString(),
            ["title"] = rfp.Title,
            ["description"] = rfp.Purpose,
            ["status"] = input.Status switch
            {
                RfpStatus.Cancelled => "cancelled",
                RfpStatus.Awarded => "complete",
                _ => "active",
            },
            ["procuringEntity"] = Party(input.ClientId, input.ClientName),
            ["procurementMethod"] = rfp.Visibility == "invited" ? "selective" : "open",
            ["procurementMethodDetails"] = rfp.Visibility == "invited" ? "RFP to invited vendors (Marketplace)" : "Public RFP (Marketplace)",
            ["mainProcurementCategory"] = "services",
            ["awardCriteria"] = "ratedCriteria",
            ["awardCriteriaDetails"] = string.Join(", ", rfp.EvaluationAxes.Where(a => a.Weight > 0).Select(a => $"{a.Code} {a.Weight}%")),
            ["submissionMethod"] = new JsonArray("electronicSubmission"),
            ["datePublished"] = Date(input.PublishedAt),
            ["tenderPeriod"] = new JsonObject
            {
                ["startDate"] = Date(input.PublishedAt),
                ["endDate"] = rfp.ProposalDeadline is { } deadline ? Date(deadline) : null,
            },
            ["hasEnquiries"] = rfp.QuestionDeadline is not null,
        };
        if (rfp.BudgetMaxYen is { } budget) tender["value"] = Yen(budget);
        if (rfp.BudgetMinYen is { } minimum) tender["minValue"] = Yen(minimum);
        if (rfp.QuestionDeadline is { } questions) tender["enquiryPeriod"] = new JsonObject { ["startDate"] = Date(input.PublishedAt), ["endDate"] = Date(questions) };
        if (rfp.ContractStart() is { } contractStart && rfp.ContractEnd() is { } contractEnd)
            tender["contractPeriod"] = new JsonObject { ["startDate"] = Date(contractStart), ["endDate"] = Date(contractEnd) };
        if (input.Bids.Count > 0)
        {
            tender["numberOfTenderers"] = input.Bids.Select(b => b.VendorId).Distinct().Count();
            tender["tenderers"] = new JsonArray(input.Bids.Select(b => (JsonNode)Party(b.VendorId, b.VendorName)).ToArray());
        }

        var release = new JsonObject
        {
            ["ocid"] = $"{ocidPrefix}-{input.RfpId}",
            ["id"] = $"{input.RfpId}-{input.UpdatedAt.ToUnixTimeMilliseconds()}",
            ["date"] = Date(input.UpdatedAt),
            ["tag"] = tags,
            ["initiationType"] = "tender",
            ["language"] = "ja",
            ["parties"] = parties,
            ["buyer"] = Party(input.ClientId, input.ClientName),
            ["tender"] = tender,
        };
        if (input.Bids.Count > 0)
            release["bids"] = new JsonObject
            {
                ["statistics"] = new JsonArray(
                    new JsonObject { ["id"] = "bids", ["measure"] = "bids", ["value"] = input.Bids.Count, ["date"] = Date(input.UpdatedAt) },
                    new JsonObject { ["id"] = "validBids", ["measure"] = "validBids", ["value"] = input.Bids.Count(b => b.Conforms), ["date"] = Date(input.UpdatedAt) }),
                ["details"] = new JsonArray(input.Bids.Select(b => (JsonNode)new JsonObject
                {
                    ["id"] = b.ProposalId.ToString(),
                    ["date"] = Date(b.ReceivedAt),
                    // Not re-confirmed after an addendum: it does not answer the RFP in force.
                    ["status"] = b.Conforms ? "valid" : "disqualified",
                    ["tenderers"] = new JsonArray(Party(b.VendorId, b.VendorName)),
                    ["value"] = Yen(b.TotalYen),
                }).ToArray()),
            };
        if (awarded is var (award, contract))
        {
            release["awards"] = new JsonArray(new JsonObject
            {
                ["id"] = award.Id.ToString(),
                ["title"] = rfp.Title,
                ["status"] = "active",
                ["date"] = Date(award.DecidedAt!.Value),
                ["value"] = Yen(contract.TotalYen),
                ["suppliers"] = new JsonArray(Party(award.VendorId, award.VendorName)),
                ["contractPeriod"] = new JsonObject { ["startDate"] = Date(contract.StartsOn), ["endDate"] = Date(contract.StartsOn.AddMonths(contract.TermMonths)) },
                ["relatedBids"] = new JsonArray(award.ProposalId.ToString()),
            });
            release["contracts"] = new JsonArray(new JsonObject
            {
                ["id"] = contract.Id.ToString(),
                ["awardID"] = award.Id.ToString(),
                ["title"] = contract.Title,
                ["status"] = "active",
                ["period"] = new JsonObject { ["startDate"] = Date(contract.StartsOn), ["endDate"] = Date(contract.StartsOn.AddMonths(contract.TermMonths)) },
                ["value"] = Yen(contract.TotalYen),
                ["relatedBids"] = new JsonArray(award.ProposalId.ToString()),
            });
        }
        return release;
    }
}
