namespace Marketplace.Core.Mail;

/// <summary>The platform's e-mails, in Japanese or English by the recipient's language.</summary>
public static class EmailTemplates
{
    public static (string Subject, string Body) Welcome(string language, string organisationName, bool isVendor, string siteUrl) =>
        language == "en"
            ? ($"Welcome to Marketplace, {organisationName}",
               $"""
                Dear {organisationName},

                Thank you for registering on Marketplace as a {(isVendor ? "vendor" : "client company")}.
                {(isVendor
                    ? "Next, add your services, certifications (ISMS, Privacy Mark), BCP and fee structure to your profile, so that the right RFPs find you."
                    : "Next, take stock of the work you want to outsource and write your first RFP; the vendors that fit will be found for you.")}

                {siteUrl}

                Marketplace
                (This message was sent automatically. Replies are not read.)
                """)
            : ($"【Marketplace】{organisationName} 様、ご登録ありがとうございます",
               $"""
                {organisationName} ご担当者様

                このたびは Marketplace に{(isVendor ? "ベンダー" : "発注企業")}としてご登録いただき、誠にありがとうございます。
                {(isVendor
                    ? "次に、提供サービス・認証（ISMS、プライバシーマーク）・BCP・料金体系をプロフィールにご登録ください。条件に合う RFP が届きやすくなります。"
                    : "次に、委託したい業務を棚卸しし、最初の RFP（提案依頼書）を作成してください。条件に合うベンダーを自動でお探しします。")}

                {siteUrl}

                Marketplace
                ※本メールは送信専用です。ご返信いただいても対応いたしかねます。
                """);
}
