namespace Marketplace.Core.Catalogue;

/// <summary>
/// The first level of the catalogue: BPO, ITO, KPO (domain.md, "Kinds of outsourcing"). Kept as data, with
/// Japanese and English names, so that the SPA, search facets and e-mails read them from one place.
/// </summary>
public sealed class OutsourcingType
{
    public const int CodeMaxLength = 8;

    private OutsourcingType() { }

    public OutsourcingType(string code, string nameJa, string nameEn, int sortOrder)
    {
        Code = code;
        NameJa = nameJa;
        NameEn = nameEn;
        SortOrder = sortOrder;
    }

    /// <summary>"BPO", "ITO" or "KPO".</summary>
    public string Code { get; private set; } = "";
    public string NameJa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int SortOrder { get; private set; }
}

/// <summary>
/// The second level: a service vendors offer and RFPs ask for (給与計算, ヘルプデスク, 市場調査, ...). The platform
/// operator adds services and retires them; a retired service stays on the profiles and RFPs that name it but is
/// no longer offered for new ones.
/// </summary>
public sealed class CatalogueService
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 64;

    private CatalogueService() { }

    public CatalogueService(Guid id, string typeCode, string code, string nameJa, string nameEn, int sortOrder, DateTimeOffset createdAt)
    {
        Id = id;
        TypeCode = typeCode;
        Code = code;
        NameJa = nameJa;
        NameEn = nameEn;
        SortOrder = sortOrder;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string TypeCode { get; private set; } = "";
    /// <summary>A stable, readable key ("payroll", "helpdesk"), unique across the catalogue; used in shareable search URLs.</summary>
    public string Code { get; private set; } = "";
    public string NameJa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int SortOrder { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public void Retire(DateTimeOffset now) => RetiredAt ??= now;
    public void Restore() => RetiredAt = null;
}
