using Marketplace.Core.Notifications;

namespace Marketplace.Core.Mail;

/// <summary>
/// The e-mail for an RFP notice (<see cref="Notices"/>), in Japanese or English by the recipient's language. The data
/// carries rfpId and title, and per type: reason (cancelled), version and summary (addendum), deadline (ISO 8601),
/// score (matched).
/// </summary>
public static class NoticeEmails
{
    public static (string Subject, string Body) Render(string type, string language, string organisationName, IReadOnlyDictionary<string, string> data, string siteUrl)
    {
        var en = language == "en";
        var title = data.GetValueOrDefault("title") ?? "";
        var rfpId = data.GetValueOrDefault("rfpId") ?? "";
        // The client reads its own RFP in the builder; vendors read it in their feed.
        var link = type == NotificationTypes.BillingPastDue
            ? $"{siteUrl.TrimEnd('/')}/vendor/billing"
            : $"{siteUrl.TrimEnd('/')}/{(type == NotificationTypes.RfpClosed ? "client" : "vendor")}/rfps/{rfpId}";
        if (type == NotificationTypes.BillingPastDue) title = data.GetValueOrDefault(en ? "planEn" : "planJa") ?? "";
        var deadline = DateTimeOffset.TryParse(data.GetValueOrDefault("deadline"), out var d) ? Hosting.JapanDate.Format(d, en) : "";
        var (subject, lead) = type switch
        {
            NotificationTypes.RfpMatched => en
                ? ($"A new RFP fits your services: {title}", "A client published an RFP that your profile fits. The RFP page shows why you were matched.")
                : ($"貴社に合う RFP が公開されました：{title}", "貴社のプロフィールに合う RFP が公開されました。マッチした理由は RFP のページでご覧いただけます。"),
            NotificationTypes.RfpInvited => en
                ? ($"You are invited to propose: {title}", "A client invited your company to propose for this RFP.")
                : ($"RFP へのご招待：{title}", "発注企業から、この RFP への提案のご招待が届きました。"),
            NotificationTypes.RfpQuestionAnswered => en
                ? ($"A question was answered: {title}", "The client published an answer or a clarification. Every participating vendor receives the same answer; the asker is not named.")
                : ($"質問への回答が公開されました：{title}", "発注企業が質問への回答（または補足説明）を公開しました。回答はすべての参加ベンダーに共有され、質問者の名前は公開されません。"),
            NotificationTypes.RfpAddendum => en
                ? ($"The RFP was changed (version {data.GetValueOrDefault("version")}): {title}",
                   $"The client published an addendum.\n\nWhat changed: {data.GetValueOrDefault("summary")}\n\nProposals close at {deadline}. A proposal made against an earlier version must be re-confirmed or revised before then.")
                : ($"RFP が変更されました（第 {data.GetValueOrDefault("version")} 版）：{title}",
                   $"発注企業が RFP の変更（補遺）を公開しました。\n\n変更内容：{data.GetValueOrDefault("summary")}\n\n提案の締切は {deadline} です。以前の版に対する提案は、締切までに再確認または修正が必要です。"),
            NotificationTypes.RfpDeadlineApproaching => en
                ? ($"Proposals close within 24 hours: {title}", $"Proposals for this RFP close at {deadline}. Nothing can be submitted after that.")
                : ($"提案締切まで 24 時間を切りました：{title}", $"この RFP の提案締切は {deadline} です。締切後は提出できません。"),
            NotificationTypes.RfpClosed => en
                ? ($"Proposals closed: {title}", "The proposal deadline has passed. The proposals are now open to your procurement team and the evaluators.")
                : ($"提案の受付を締め切りました：{title}", "提案締切を過ぎました。提案書は調達担当者と評価者に開示されました。"),
            NotificationTypes.RfpCancelled => en
                ? ($"The RFP was cancelled: {title}", $"The client cancelled this RFP.\n\nReason: {data.GetValueOrDefault("reason")}\n\nThank you for your time and interest.")
                : ($"RFP 中止のお知らせ：{title}", $"発注企業がこの RFP を中止しました。\n\n理由：{data.GetValueOrDefault("reason")}\n\nご検討いただき、誠にありがとうございました。"),
            NotificationTypes.RfpAwarded => en
                ? ($"Your proposal was selected: {title}",
                   "Thank you for your proposal. After careful consideration, the client has selected it. The client's team will contact you about the contract; the contract, with your fees and KPI commitments, is now in Marketplace.")
                : ($"採択のお知らせ：{title}",
                   "このたびはご提案いただき、誠にありがとうございました。慎重に検討いたしました結果、貴社のご提案を採択させていただくことになりました。契約手続きについては、発注企業のご担当者よりご連絡いたします。ご提案の費用と KPI のコミットを記載した契約情報は Marketplace でご覧いただけます。"),
            NotificationTypes.RfpNotSelected => en
                ? ($"About your proposal: {title}",
                   "Thank you for the time and care you put into your proposal. After careful consideration, the client has decided not to proceed with it this time. We are sorry not to bring better news, and we hope to see your company in future RFPs.")
                : ($"お見送りのご連絡：{title}",
                   "このたびはご多忙のところご提案いただき、誠にありがとうございました。慎重に検討を重ねました結果、誠に残念ながら、今回はお見送りとさせていただくことになりました。ご期待に沿えず大変申し訳ございません。またの機会がございましたら、ぜひご提案をお寄せください。"),
            NotificationTypes.BillingPastDue => en
                ? ($"Your payment did not go through: {title} plan",
                   $"Stripe could not collect the payment for your {title} plan. The plan stays in effect until {data.GetValueOrDefault("graceUntil")}; after that your company moves to the Free plan. Nothing you have submitted is removed. Please update the card on the plan page.")
                : ($"お支払いを確認できませんでした：{title}プラン",
                   $"{title}プランのお支払いを Stripe で確認できませんでした。{data.GetValueOrDefault("graceUntil")} までは現在のプランをご利用いただけますが、それ以降はフリープランに切り替わります。提出済みの提案が削除されることはありません。プランのページからカード情報を更新してください。"),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No e-mail for this notice type."),
        };
        var body = en
            ? $"""
               Dear {organisationName},

               {lead}

               {title}
               {link}

               Marketplace
               (This message was sent automatically. Replies are not read.)
               """
            : $"""
               {organisationName} ご担当者様

               {lead}

               {title}
               {link}

               Marketplace
               ※本メールは送信専用です。ご返信いただいても対応いたしかねます。
               """;
        return (en ? subject : "【Marketplace】" + subject, body);
    }
}
