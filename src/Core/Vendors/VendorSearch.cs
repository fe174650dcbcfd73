using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Core.Vendors;

public enum VendorSort
{
    /// <summary>Text relevance, then fuller profiles first (without text: fuller profiles first).</summary>
    Relevance,
    /// <summary>Monthly base fee, lowest first; vendors that state none come last.</summary>
    FeeAscending,
    /// <summary>Monthly base fee, highest first; vendors that state none come last.</summary>
    FeeDescending,
}

/// <summary>
/// A marketplace search, already validated. Every list is a conjunction: a vendor must offer every chosen service,
/// hold every chosen certification, serve every chosen region (a nationwide vendor serves each) and speak every chosen
/// language. So each facet count is exactly how many results adding that value leaves.
/// </summary>
public sealed record VendorSearchCriteria
{
    public string? Text { get; init; }
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<Guid> Services { get; init; } = [];
    /// <summary>Codes from <see cref="CertificationTypes.Codes"/>.</summary>
    public IReadOnlyList<string> Certifications { get; init; } = [];
    /// <summary>Certifications must be valid on this day (today at the earliest) and have begun.</summary>
    public required DateOnly ValidThrough { get; init; }
    /// <summary>Count only certifications a platform operator verified; with no certification chosen, at least one.</summary>
    public bool VerifiedOnly { get; init; }
    public bool BcpOnly { get; init; }
    public IReadOnlyList<string> Regions { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public int? CapacityMin { get; init; }
    public long? MonthlyFeeMin { get; init; }
    public long? MonthlyFeeMax { get; init; }
    public VendorSort Sort { get; init; }
}

/// <summary>Where the previous page ended, in the sort's own key (carried in a signed cursor by the Api).</summary>
public sealed record VendorSearchPosition(float Rank, int ProfileSections, long FeeKey, Guid OrganisationId);

/// <param name="Name">The card's title and types come with the hit, so the page needs no second read of the entries.</param>
public sealed record VendorSearchHit(Guid OrganisationId, string Name, string[] TypeCodes, VendorSearchPosition Position);

public sealed record FacetCount<T>(T Value, int Count);

public sealed record FeeBand(long Min, long? Max);

public sealed record VendorFacets(
    int Total,
    IReadOnlyList<FacetCount<string>> Types,
    IReadOnlyList<FacetCount<Guid>> Services,
    IReadOnlyList<FacetCount<string>> Certifications,
    int VerifiedOnly,
    int Bcp,
    IReadOnlyList<FacetCount<string>> Regions,
    IReadOnlyList<FacetCount<string>> Languages,
    IReadOnlyList<FacetCount<int>> CapacityMin,
    IReadOnlyList<FacetCount<FeeBand>> MonthlyFee);

/// <summary>
/// The marketplace search as SQL over vendor_search_entries (decision record 0012): one statement for the page (keyset,
/// never OFFSET) and one for the total and every facet count, sent together. Public so the benchmark runs the very
/// same SQL directly.
/// </summary>
public static class VendorSearch
{
    public static readonly int[] CapacitySteps = [5, 10, 30, 50, 100];

    public static readonly FeeBand[] FeeBands = [new(0, 99_999), new(100_000, 299_999), new(300_000, 999_999), new(1_000_000, null)];

    /// <summary>The facet values to count: the catalogue's types and services are data, so the caller passes them.</summary>
    public sealed record FacetValues(IReadOnlyList<string> Types, IReadOnlyList<Guid> Services);

    public sealed class Statement
    {
        public string Sql { get; init; } = "";
        public List<NpgsqlParameter> Parameters { get; } = [];
    }

    /// <summary>The text as a tsquery: every term must match; words and one-character Japanese match as prefixes.</summary>
    public static string? TextQuery(string? text)
    {
        var terms = SearchText.Terms(text);
        if (terms.Count == 0) return null;
        return string.Join(" & ", terms.Select(t => t.Kind == SearchText.TermKind.Pair ? $"'{SearchText.Quote(t.Text)}'" : $"'{SearchText.Quote(t.Text)}':*"));
    }

    public static Statement PageStatement(VendorSearchCriteria criteria, VendorSearchPosition? after, int limit)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Where(criteria, parameters);
        var hasText = parameters.Any(p => p.ParameterName == "text");
        var rank = hasText ? "ts_rank(document, CAST(@text AS tsquery))" : "0::real";
        string order, keyset;
        switch (criteria.Sort)
        {
            case VendorSort.FeeAscending:
                order = "coalesce(monthly_base_yen, 9223372036854775807), organisation_id";
                keyset = "(coalesce(monthly_base_yen, 9223372036854775807), organisation_id) > (@after_fee, @after_id)";
                break;
            case VendorSort.FeeDescending:
                order = "coalesce(monthly_base_yen, -1) DESC, organisation_id DESC";
                keyset = "(coalesce(monthly_base_yen, -1), organisation_id) < (@after_fee, @after_id)";
                break;
            default:
                // Without text every rank is 0: leave it out so the (profile_sections, organisation_id) index serves the order.
                order = hasText ? $"{rank} DESC, profile_sections DESC, organisation_id DESC" : "profile_sections DESC, organisation_id DESC";
                keyset = hasText
                    ? $"({rank}, profile_sections, organisation_id) < (@after_rank, @after_sections, @after_id)"
                    : "(profile_sections, organisation_id) < (@after_sections, @after_id)";
                break;
        }
        if (after is not null)
        {
            where.Add(keyset);
            parameters.Add(new NpgsqlParameter("after_rank", NpgsqlDbType.Real) { Value = after.Rank });
            parameters.Add(new NpgsqlParameter("after_sections", NpgsqlDbType.Integer) { Value = after.ProfileSections });
            parameters.Add(new NpgsqlParameter("after_fee", NpgsqlDbType.Bigint) { Value = after.FeeKey });
            parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = after.OrganisationId });
        }
        parameters.Add(new NpgsqlParameter("limit", NpgsqlDbType.Integer) { Value = limit });
        var statement = new Statement
        {
            Sql = $"""
                SELECT organisation_id, {rank} AS rank, profile_sections, coalesce(monthly_base_yen, {(criteria.Sort == VendorSort.FeeDescending ? "-1" : "9223372036854775807")}) AS fee_key,
                       name, type_codes
                FROM {From(criteria)}
                {WhereClause(where)}
                ORDER BY {order}
                LIMIT @limit
                """,
        };
        statement.Parameters.AddRange(parameters);
        return statement;
    }

    /// <summary>The total and every facet count, in one pass over the matches.</summary>
    public static Statement FacetStatement(VendorSearchCriteria criteria, FacetValues values)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Where(criteria, parameters);
        var counts = new List<string> { "count(*)" };
        void Count(string condition) => counts.Add($"count(*) FILTER (WHERE {condition})");

        for (var i = 0; i < values.Types.Count; i++)
        {
            parameters.Add(new NpgsqlParameter($"ft{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { values.Types[i] } });
            Count($"type_codes @> @ft{i}");
        }
        for (var i = 0; i < values.Services.Count; i++)
        {
            parameters.Add(new NpgsqlParameter($"fs{i}", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = new[] { values.Services[i] } });
            Count($"service_ids @> @fs{i}");
        }
        var column = criteria.VerifiedOnly ? "verified_certification_valid_to" : "certification_valid_to";
        for (var i = 0; i < CertificationTypes.Codes.Count; i++) Count($"{column}[{i + 1}] >= @through");
        Count(VerifiedCondition(criteria));
        Count("has_bcp");
        foreach (var region in VendorVocabulary.Regions.Keys) Count(RegionCondition(region, parameters));
        foreach (var language in VendorVocabulary.Languages.Keys)
        {
            var name = $"fl_{language}";
            if (parameters.All(p => p.ParameterName != name))
                parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = new[] { language } });
            Count($"languages @> @{name}");
        }
        foreach (var step in CapacitySteps) Count($"capacity_fte >= {step}");
        foreach (var band in FeeBands) Count(band.Max is { } max ? $"monthly_base_yen BETWEEN {band.Min} AND {max}" : $"monthly_base_yen >= {band.Min}");
        if (parameters.All(p => p.ParameterName != "through"))
            parameters.Add(new NpgsqlParameter("through", NpgsqlDbType.Date) { Value = criteria.ValidThrough });

        var statement = new Statement
        {
            Sql = $"""
                SELECT {string.Join(",\n       ", counts)}
                FROM {From(criteria)}
                {WhereClause(where)}
                """,
        };
        statement.Parameters.AddRange(parameters);
        return statement;
    }

    /// <summary>Runs both statements in one round trip.</summary>
    public static async Task<(List<VendorSearchHit> Hits, VendorFacets Facets)> RunAsync(NpgsqlConnection connection, VendorSearchCriteria criteria,
        VendorSearchPosition? after, int limit, FacetValues values, CancellationToken cancellationToken)
    {
        var page = PageStatement(criteria, after, limit);
        var facets = FacetStatement(criteria, values);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(page));
        batch.BatchCommands.Add(Command(facets));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);

        var hits = new List<VendorSearchHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            hits.Add(new VendorSearchHit(id, reader.GetString(4), reader.GetFieldValue<string[]>(5),
                new VendorSearchPosition(reader.GetFloat(1), reader.GetInt32(2), reader.GetInt64(3), id)));
        }
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var column = 0;
        int Next() => (int)reader.GetInt64(column++);
        var total = Next();
        var result = new VendorFacets(
            total,
            values.Types.Select(t => new FacetCount<string>(t, Next())).ToList(),
            values.Services.Select(s => new FacetCount<Guid>(s, Next())).ToList(),
            CertificationTypes.Codes.Select(c => new FacetCount<string>(c, Next())).ToList(),
            Next(),
            Next(),
            VendorVocabulary.Regions.Keys.Select(r => new FacetCount<string>(r, Next())).ToList(),
            VendorVocabulary.Languages.Keys.Select(l => new FacetCount<string>(l, Next())).ToList(),
            CapacitySteps.Select(s => new FacetCount<int>(s, Next())).ToList(),
            FeeBands.Select(b => new FacetCount<FeeBand>(b, Next())).ToList());
        return (hits, result);
    }

    public static NpgsqlBatchCommand Command(Statement statement)
    {
        var command = new NpgsqlBatchCommand(statement.Sql);
        // Each statement gets its own parameter objects: an NpgsqlParameter belongs to one collection.
        foreach (var p in statement.Parameters) command.Parameters.Add(p.Clone());
        return command;
    }

    private static List<string> Where(VendorSearchCriteria criteria, List<NpgsqlParameter> parameters)
    {
        var where = new List<string> { "listed" };
        parameters.Add(new NpgsqlParameter("through", NpgsqlDbType.Date) { Value = criteria.ValidThrough });
        if (TextQuery(criteria.Text) is { } text)
        {
            parameters.Add(new NpgsqlParameter("text", NpgsqlDbType.Text) { Value = text });
            where.Add("document @@ CAST(@text AS tsquery)");
        }
        if (criteria.Types.Count > 0)
        {
            parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = criteria.Types.ToArray() });
            where.Add("type_codes @> @types");
        }
        if (criteria.Services.Count > 0)
        {
            parameters.Add(new NpgsqlParameter("services", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = criteria.Services.ToArray() });
            where.Add("service_ids @> @services");
        }
        var column = criteria.VerifiedOnly ? "verified_certification_valid_to" : "certification_valid_to";
        foreach (var certification in criteria.Certifications)
            where.Add($"{column}[{Position(certification)}] >= @through");
        if (criteria.VerifiedOnly && criteria.Certifications.Count == 0) where.Add(VerifiedCondition(criteria));
        if (criteria.BcpOnly) where.Add("has_bcp");
        foreach (var region in criteria.Regions) where.Add(RegionCondition(region, parameters));
        if (criteria.Languages.Count > 0)
        {
            parameters.Add(new NpgsqlParameter("languages", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = criteria.Languages.ToArray() });
            where.Add("languages @> @languages");
        }
        if (criteria.CapacityMin is { } capacity)
        {
            parameters.Add(new NpgsqlParameter("capacity", NpgsqlDbType.Integer) { Value = capacity });
            where.Add("capacity_fte >= @capacity");
        }
        if (criteria.MonthlyFeeMin is { } min)
        {
            parameters.Add(new NpgsqlParameter("fee_min", NpgsqlDbType.Bigint) { Value = min });
            where.Add("monthly_base_yen >= @fee_min");
        }
        if (criteria.MonthlyFeeMax is { } max)
        {
            parameters.Add(new NpgsqlParameter("fee_max", NpgsqlDbType.Bigint) { Value = max });
            where.Add("monthly_base_yen <= @fee_max");
        }
        return where;
    }

    /// <summary>
    /// "Verified" as a facet: every chosen certification verified, or with none chosen, at least one verified
    /// certification valid through the date.
    /// </summary>
    private static string VerifiedCondition(VendorSearchCriteria criteria) =>
        criteria.Certifications.Count > 0
            ? string.Join(" AND ", criteria.Certifications.Select(c => $"verified_certification_valid_to[{Position(c)}] >= @through"))
            : "(" + string.Join(" OR ", CertificationTypes.Codes.Select((_, i) => $"verified_certification_valid_to[{i + 1}] >= @through")) + ")";

    /// <summary>A region is served by vendors that name it or work nationwide (remote is a way of working, not a place).</summary>
    private static string RegionCondition(string region, List<NpgsqlParameter> parameters)
    {
        var name = "r_" + region.Replace('-', '_');
        if (parameters.All(p => p.ParameterName != name))
        {
            string[] served = region is "nationwide" or "remote" ? [region] : [region, "nationwide"];
            parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = served });
        }
        return $"regions && @{name}";
    }

    private static int Position(string certification) =>
        CertificationTypes.Codes.ToList().IndexOf(certification) is var i and >= 0 ? i + 1 : throw new ArgumentException($"Unknown certification type {certification}.");

    /// <summary>The documents live in a table of their own; the text needs it joined.</summary>
    private static string From(VendorSearchCriteria criteria) =>
        TextQuery(criteria.Text) is null ? "vendor_search_entries" : "vendor_search_entries JOIN vendor_search_documents USING (organisation_id)";

    private static string WhereClause(List<string> where) => where.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", where);
}
