using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Marketplace.Api.Infrastructure;

/// <summary>
/// Validation rules with messages written for people, in the request's language. FluentValidation's own
/// Japanese messages are literal translations ("は空であってはなりません"); these read as Japanese forms do.
/// </summary>
public static class ValidationRules
{
    private static readonly Dictionary<string, (string Ja, string En)> Labels = new()
    {
        ["organisation.name"] = ("組織名", "Organisation name"),
        ["billing.plan"] = ("プラン", "Plan"),
        ["organisation.kind"] = ("組織の種類", "Organisation type"),
        ["organisation.contactEmail"] = ("連絡先メールアドレス", "Contact e-mail"),
        ["organisation.preferredLanguage"] = ("言語", "Language"),
        ["account.email"] = ("メールアドレス", "E-mail address"),
        ["account.password"] = ("パスワード", "Password"),
        ["account.preferredLanguage"] = ("言語", "Language"),
        ["account.userId"] = ("ユーザー", "User"),
        ["account.token"] = ("確認コード", "Confirmation code"),
        ["account.currentPassword"] = ("現在のパスワード", "Current password"),
        ["account.newPassword"] = ("新しいパスワード", "New password"),
        ["invitation.email"] = ("招待先のメールアドレス", "E-mail address to invite"),
        ["member.role"] = ("役割", "Role"),
        ["apiClient.name"] = ("連携名", "Integration name"),
        ["apiClient.scopes"] = ("権限（スコープ）", "Scopes"),
        ["vendor.slug"] = ("公開ページのアドレス", "Public page address"),
        ["vendor.summary"] = ("紹介文", "Summary"),
        ["vendor.summaryEn"] = ("紹介文（英語）", "Summary in English"),
        ["vendor.services"] = ("提供サービス", "Services"),
        ["vendor.industries"] = ("実績のある業種", "Industries served"),
        ["vendor.clientSizes"] = ("取引先の規模", "Client sizes"),
        ["vendor.caseStudies"] = ("導入事例", "Case studies"),
        ["vendor.caseStudy.title"] = ("事例のタイトル", "Case study title"),
        ["vendor.caseStudy.industry"] = ("事例の業種", "Case study industry"),
        ["vendor.caseStudy.description"] = ("事例の内容", "Case study description"),
        ["vendor.caseStudy.year"] = ("事例の年", "Case study year"),
        ["vendor.staffCount"] = ("従業員数", "Staff"),
        ["vendor.backupStructure"] = ("バックアップ体制", "Backup structure"),
        ["vendor.contactName"] = ("窓口担当者", "Contact person"),
        ["vendor.contactEmail"] = ("窓口メールアドレス", "Contact e-mail"),
        ["vendor.backupSites"] = ("バックアップ拠点", "Backup sites"),
        ["vendor.rto"] = ("目標復旧時間（時間）", "Recovery time objective (hours)"),
        ["vendor.lastDrillOn"] = ("直近の訓練日", "Last drill"),
        ["vendor.accessControl"] = ("アクセス管理", "Access control"),
        ["vendor.auditLogging"] = ("操作ログの管理", "Audit logging"),
        ["vendor.subcontractingPolicy"] = ("再委託の方針と承認手順", "Subcontracting policy and approval"),
        ["vendor.incidentResponse"] = ("インシデント発生時の対応", "Incident response"),
        ["vendor.initialFee"] = ("初期費用（円・税抜）", "Initial fee (yen, excl. tax)"),
        ["certification.rejectionReason"] = ("見送る理由", "Reason for declining"),
        ["vendor.monthlyBase"] = ("月額基本料金（円・税抜）", "Monthly base fee (yen, excl. tax)"),
        ["vendor.unitPrices"] = ("従量課金", "Per-unit prices"),
        ["vendor.unit"] = ("単位", "Unit"),
        ["vendor.bands"] = ("数量帯", "Volume bands"),
        ["vendor.bandPrice"] = ("単価（円・税抜）", "Unit price (yen, excl. tax)"),
        ["vendor.extraChargeConditions"] = ("追加費用が発生する条件", "Conditions for extra charges"),
        ["vendor.standardInclusions"] = ("標準で含まれるもの", "Included as standard"),
        ["vendor.regions"] = ("対応地域", "Regions"),
        ["vendor.languages"] = ("対応言語", "Languages"),
        ["vendor.capacity"] = ("受け入れ可能な体制（人）", "Capacity (FTE)"),
        ["proposal.summary"] = ("提案の概要", "Summary"),
        ["proposal.bcp"] = ("BCP", "BCP"),
        ["proposal.transitionPlan"] = ("移行計画", "Transition plan"),
        ["proposal.team"] = ("体制", "Team"),
        ["proposal.kpiNote"] = ("KPI の補足", "KPI note"),
        ["proposal.securityAnswer"] = ("セキュリティの回答", "Security answer"),
        ["proposal.manualHandover"] = ("マニュアルの引き継ぎ", "Manual handover"),
        ["proposal.dataReturn"] = ("データの返却", "Data return"),
        ["proposal.supportMonths"] = ("契約終了後の支援期間（か月）", "Support after the contract (months)"),
        ["evaluation.comment"] = ("コメント", "Comment"),
        ["evaluation.reason"] = ("合意の理由", "Reason for the consensus"),
        ["award.reason"] = ("採択の理由", "Reason for the award"),
        ["award.comment"] = ("コメント", "Comment"),
        ["review.comment"] = ("コメント", "Comment"),
        ["review.issues"] = ("課題", "Issues"),
        ["review.improvementActions"] = ("改善アクション", "Improvement actions"),
        ["certification.type"] = ("認証の種類", "Certification type"),
        ["certification.otherName"] = ("認証の名称", "Certification name"),
        ["certification.registrationNumber"] = ("登録番号", "Registration number"),
        ["certification.scope"] = ("認証範囲", "Scope"),
        ["certification.issuer"] = ("審査・発行機関", "Issuer"),
        ["certification.validFrom"] = ("有効開始日", "Valid from"),
        ["certification.validTo"] = ("有効期限", "Valid to"),
        ["catalogue.type"] = ("種類", "Type"),
        ["catalogue.nameJa"] = ("日本語名", "Japanese name"),
        ["catalogue.nameEn"] = ("英語名", "English name"),
        ["rfp.kpiMetric"] = ("KPI の指標名", "KPI metric"),
        ["rfp.kpiUnit"] = ("KPI の単位", "KPI unit"),
        ["rfp.kpiTarget"] = ("KPI の目標値", "KPI target"),
        ["rfp.kpiDirection"] = ("KPI の方向", "KPI direction"),
        ["rfp.volumeItem"] = ("ボリュームの項目", "Volume item"),
        ["rfp.volumeUnit"] = ("ボリュームの単位", "Volume unit"),
        ["rfp.monthlyQuantity"] = ("月間数量", "Monthly quantity"),
        ["task.name"] = ("業務名", "Task"),
        ["task.department"] = ("部署", "Department"),
        ["task.frequency"] = ("頻度", "Frequency"),
        ["task.hoursPerMonth"] = ("月間工数（時間）", "Hours per month"),
        ["task.monthlyVolume"] = ("月間件数", "Monthly volume"),
        ["task.volumeUnit"] = ("件数の単位", "Volume unit"),
        ["task.expertise"] = ("専門性", "Expertise"),
        ["task.substitutability"] = ("代替可能性", "Substitutability"),
        ["task.currentOwner"] = ("現在の担当", "Current owner"),
        ["task.check"] = ("コア/ノンコア判定", "Core/non-core check"),
    };

    /// <summary>Organisation roles as people read them (the names the SPA shows too).</summary>
    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> RoleNames = new Dictionary<string, (string Ja, string En)>
    {
        [Marketplace.Core.Organisations.OrganisationRoles.Owner] = ("オーナー", "owner"),
        [Marketplace.Core.Organisations.OrganisationRoles.Admin] = ("管理者", "admin"),
        [Marketplace.Core.Organisations.OrganisationRoles.Procurement] = ("調達担当", "procurement"),
        [Marketplace.Core.Organisations.OrganisationRoles.Evaluator] = ("評価者", "evaluator"),
        [Marketplace.Core.Organisations.OrganisationRoles.Sales] = ("営業担当", "sales"),
        [Marketplace.Core.Organisations.OrganisationRoles.Viewer] = ("閲覧者", "viewer"),
    };

    public static string RoleName(string role, string language) =>
        RoleNames.TryGetValue(role, out var name) ? (language == "en" ? name.En : name.Ja) : role;

    /// <summary>A field error on "role" unless <paramref name="role"/> is one of the kind's roles.</summary>
    public static ValidationProblem? RoleProblem(Marketplace.Core.Organisations.OrganisationKind kind, string role)
    {
        var allowed = RolesOf(kind);
        if (allowed.ContainsKey(role)) return null;
        var choices = string.Join(English ? ", " : "、", allowed.Values.Select(v => English ? v.En : $"「{v.Ja}」"));
        return FieldProblem(new Dictionary<string, string[]>
        {
            ["role"] = [English ? $"{Label("member.role")}: choose one of {choices}." : $"{Label("member.role")}は{choices}から選んでください。"],
        });
    }

    /// <summary>The roles of one organisation kind, for <see cref="OneOf{T}"/>.</summary>
    public static IReadOnlyDictionary<string, (string Ja, string En)> RolesOf(Marketplace.Core.Organisations.OrganisationKind kind) =>
        Marketplace.Core.Organisations.OrganisationRoles.For(kind).ToDictionary(r => r, r => RoleNames[r]);

    public static string Label(string key) =>
        Labels.TryGetValue(key, out var label) ? (English ? label.En : label.Ja) : key;

    private static bool English => Localization.CurrentLanguage == "en";

    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, string labelKey) =>
        rule.Must(value => !string.IsNullOrWhiteSpace(value))
            .WithMessage(_ => English ? $"{Label(labelKey)} is required." : $"{Label(labelKey)}を入力してください。")
            .Documented(new FieldConstraint(Required: true, MinLength: 1));

    public static IRuleBuilderOptions<T, string?> MaxChars<T>(this IRuleBuilder<T, string?> rule, string labelKey, int max) =>
        rule.Must(value => value is null || value.Trim().Length <= max)
            .WithMessage(_ => English
                ? $"{Label(labelKey)} must be at most {max} characters."
                : $"{Label(labelKey)}は{max}文字以内で入力してください。")
            .Documented(new FieldConstraint(MaxLength: max));

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule, string labelKey) =>
        rule.EmailAddress().WithMessage(_ => InvalidEmailMessage(labelKey));

    public static string InvalidEmailMessage(string labelKey) => English
        ? $"{Label(labelKey)} is not a valid e-mail address."
        : $"{Label(labelKey)}の形式が正しくありません（例：name@example.co.jp）。";

    public static IRuleBuilderOptions<T, long?> InRange<T>(this IRuleBuilder<T, long?> rule, string labelKey, long min, long max) =>
        rule.Must(value => value is null || (value >= min && value <= max))
            .WithMessage(_ => English
                ? $"{Label(labelKey)} must be between {min:N0} and {max:N0}."
                : $"{Label(labelKey)}は {min:N0} 以上 {max:N0} 以下で入力してください。")
            .Documented(new FieldConstraint(Minimum: min, Maximum: max));

    public static IRuleBuilderOptions<T, decimal?> InRange<T>(this IRuleBuilder<T, decimal?> rule, string labelKey, decimal min, decimal max) =>
        rule.Must(value => value is null || (value >= min && value <= max))
            .WithMessage(_ => English
                ? $"{Label(labelKey)} must be between {min:#,0.##} and {max:#,0.##}."
                : $"{Label(labelKey)}は {min:#,0.##} 以上 {max:#,0.##} 以下で入力してください。")
            .Documented(new FieldConstraint(Minimum: min, Maximum: max));

    public static IRuleBuilderOptions<T, int?> InRange<T>(this IRuleBuilder<T, int?> rule, string labelKey, int min, int max) =>
        rule.Must(value => value is null || (value >= min && value <= max))
            .WithMessage(_ => English
                ? $"{Label(labelKey)} must be between {min:N0} and {max:N0}."
                : $"{Label(labelKey)}は {min:N0} 以上 {max:N0} 以下で入力してください。")
            .Documented(new FieldConstraint(Minimum: min, Maximum: max));

    /// <summary>A list of short texts: at most <paramref name="maxItems"/>, none empty or longer than <paramref name="maxChars"/>.</summary>
    public static IRuleBuilderOptions<T, string[]?> TextList<T>(this IRuleBuilder<T, string[]?> rule, string labelKey, int maxItems, int maxChars) =>
        rule.Must(items => items is null || (items.Length <= maxItems && items.All(i => !string.IsNullOrWhiteSpace(i) && i.Trim().Length <= maxChars)))
            .WithMessage(_ => English
                ? $"{Label(labelKey)}: up to {maxItems} items, none empty or longer than {maxChars} characters."
                : $"{Label(labelKey)}は {maxItems} 件まで、各項目は空にせず {maxChars} 文字以内で入力してください。")
            .Documented(new FieldConstraint(MaxItems: maxItems));

    /// <summary>Every value must be one of <paramref name="allowed"/>'s keys.</summary>
    public static IRuleBuilderOptions<T, string[]?> AllOneOf<T>(this IRuleBuilder<T, string[]?> rule, string labelKey, IReadOnlyDictionary<string, (string Ja, string En)> allowed) =>
        rule.Must(items => items is null || items.All(item => item is not null && allowed.ContainsKey(item)))
            .WithMessage(_ =>
            {
                var choices = string.Join(English ? ", " : "、", allowed.Keys);
                return English ? $"{Label(labelKey)}: use only {choices}." : $"{Label(labelKey)}は {choices} から選んでください。";
            });

    /// <summary>
    /// What a rule of ours means for the OpenAPI document (required, a length, a range): kept beside the rule's
    /// component, so that the document's schemas are read from the validators (ValidatedSchemas) and cannot disagree.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, FieldConstraint> Constraints = new();

    private static IRuleBuilderOptions<T, TProperty> Documented<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, FieldConstraint constraint) =>
        rule.Configure(configured => Constraints.AddOrUpdate(configured.Current, constraint));

    /// <summary>The constraint a rule component of ours documents, if any.</summary>
    public static FieldConstraint? ConstraintOf(FluentValidation.Internal.IRuleComponent component) =>
        Constraints.TryGetValue(component, out var constraint) ? constraint : null;

    /// <summary>For every link from an e-mail that cannot be used: unknown, forged and expired read the same.</summary>
    public static string InvalidLinkMessage() => English
        ? "This link is invalid or has expired."
        : "このリンクは無効か、有効期限が切れています。";

    /// <summary>
    /// Volume bands of a per-unit price (graduated: each runs up to the next one's lower bound): 1 to 10, the first
    /// from 0, each lower bound above the one before. Neither a gap below the first band nor two bands for one
    /// quantity can then arise. Vendor profiles and proposals both check it.
    /// </summary>
    public static bool BandsInOrder(IReadOnlyList<long?>? fromQuantities) =>
        fromQuantities is { Count: > 0 and <= 10 }
        && (fromQuantities[0] ?? 0) == 0
        && fromQuantities.Zip(fromQuantities.Skip(1)).All(p => (p.First ?? 0) < (p.Second ?? 0));

    public static string BandsInOrderMessage() => English
        ? "Volume bands: 1 to 10, the first from 0, each starting above the one before."
        : "数量帯は 1〜10 件で、最初は 0 から始め、下限を昇順にしてください。";

    /// <summary>The 400 answer with field errors; its title is the same for every endpoint.</summary>
    public static ValidationProblem FieldProblem(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: FieldProblemTitle);

    /// <summary>One field's error.</summary>
    public static ValidationProblem FieldProblem(string field, string message) => FieldProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static string FieldProblemTitle => Marketplace.Core.Texts.TextCatalogue.Say("common.checkTheFields");

    public static readonly IReadOnlyDictionary<string, (string Ja, string En)> Languages = new Dictionary<string, (string Ja, string En)>
    {
        ["ja"] = ("日本語", "ja (Japanese)"),
        ["en"] = ("英語", "en (English)"),
    };

    /// <summary>The value must be one of <paramref name="allowed"/> (or absent, when <paramref name="optional"/>).</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, string labelKey, IReadOnlyDictionary<string, (string Ja, string En)> allowed, bool optional = false) =>
        rule.Must(value => (optional && value is null) || (value is not null && allowed.ContainsKey(value)))
            .WithMessage(_ =>
            {
                var choices = string.Join(English ? ", " : "、", allowed.Values.Select(v => English ? v.En : $"「{v.Ja}」"));
                return English ? $"{Label(labelKey)}: choose one of {choices}." : $"{Label(labelKey)}は{choices}から選んでください。";
            });
}

/// <summary>A field's constraint as the OpenAPI document states it.</summary>
public sealed record FieldConstraint(bool Required = false, int? MinLength = null, int? MaxLength = null, decimal? Minimum = null,
    decimal? Maximum = null, int? MaxItems = null);
