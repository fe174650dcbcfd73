using Marketplace.Core.Tenancy;

namespace Marketplace.Core.Planning;

/// <summary>
/// One task of a client's work inventory (業務棚卸し), broken down to the level the seed asks for: how often it
/// happens, the hours it takes, the expertise it needs, how replaceable the people are, who does it today, and its
/// volume. Private to the organisation. The core/non-core check's answers are kept with it (<see cref="CheckYes"/>).
/// </summary>
public sealed class WorkTask : ITenantOwned
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 100;
    public const decimal MaxHoursPerMonth = 10_000m;
    public const int MaxMonthlyVolume = 100_000_000;

    private WorkTask() { }

    public WorkTask(Guid organisationId, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OrganisationId = organisationId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Department { get; private set; }
    /// <summary>A key of <see cref="WorkTaskVocabulary.Frequencies"/>.</summary>
    public string Frequency { get; private set; } = "monthly";
    public decimal HoursPerMonth { get; private set; }
    public int? MonthlyVolume { get; private set; }
    /// <summary>What the volume counts (件, 枚, calls).</summary>
    public string? VolumeUnit { get; private set; }
    /// <summary>A key of <see cref="WorkTaskVocabulary.ExpertiseLevels"/>.</summary>
    public string Expertise { get; private set; } = "medium";
    /// <summary>A key of <see cref="WorkTaskVocabulary.Substitutability"/>.</summary>
    public string Substitutability { get; private set; } = "possible";
    public string? CurrentOwner { get; private set; }

    /// <summary>The core/non-core check items answered yes (<see cref="CoreNonCoreCheck.Codes"/>); empty until checked.</summary>
    public string[] CheckYes { get; private set; } = [];
    public DateTimeOffset? CheckedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Describe(string name, string? department, string frequency, decimal hoursPerMonth, int? monthlyVolume, string? volumeUnit,
        string expertise, string substitutability, string? currentOwner, DateTimeOffset now)
    {
        Name = name.Trim();
        Department = Blank(department);
        Frequency = frequency;
        HoursPerMonth = hoursPerMonth;
        MonthlyVolume = monthlyVolume;
        VolumeUnit = Blank(volumeUnit);
        Expertise = expertise;
        Substitutability = substitutability;
        CurrentOwner = Blank(currentOwner);
        UpdatedAt = now;
    }

    /// <summary>Records the check's answers (the codes answered yes, each once, in the check's order).</summary>
    public void RecordCheck(IEnumerable<string> yes, DateTimeOffset now)
    {
        var answered = yes.ToHashSet(StringComparer.Ordinal);
        if (!answered.IsSubsetOf(CoreNonCoreCheck.Codes))
            throw new ArgumentException("Unknown check items.", nameof(yes));
        CheckYes = CoreNonCoreCheck.Items.Select(i => i.Code).Where(answered.Contains).ToArray();
        CheckedAt = now;
        UpdatedAt = now;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>The fixed choices of a task's description, with their Japanese and English names.</summary>
public static class WorkTaskVocabulary
{
    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> Frequencies = new Dictionary<string, (string Ja, string En)>
    {
        ["daily"] = ("毎日", "Daily"),
        ["weekly"] = ("毎週", "Weekly"),
        ["monthly"] = ("毎月", "Monthly"),
        ["quarterly"] = ("四半期ごと", "Quarterly"),
        ["yearly"] = ("毎年", "Yearly"),
        ["adhoc"] = ("随時", "As needed"),
    };

    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> ExpertiseLevels = new Dictionary<string, (string Ja, string En)>
    {
        ["low"] = ("低（手順どおりにできる）", "Low (follows a procedure)"),
        ["medium"] = ("中（経験が必要）", "Medium (needs experience)"),
        ["high"] = ("高（資格・専門知識が必要）", "High (needs qualifications or specialist knowledge)"),
    };

    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> Substitutability = new Dictionary<string, (string Ja, string En)>
    {
        ["easy"] = ("容易（誰でも代われる）", "Easy (anyone can take over)"),
        ["possible"] = ("可能（引き継ぎが必要）", "Possible (needs a handover)"),
        ["hard"] = ("困難（特定の人しかできない）", "Hard (only particular people can)"),
    };
}
