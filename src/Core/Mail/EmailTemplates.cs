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

    public static (string Subject, string Body) ConfirmEmail(string language, string link) =>
        language == "en"
            ? ("Confirm your e-mail address for Marketplace",
               $"""
                Please confirm your e-mail address by opening this link within 24 hours:

                {link}

                If you did not sign up for Marketplace, ignore this message; no account is created without confirmation.

                Marketplace
                """)
            : ("【Marketplace】メールアドレスの確認",
               $"""
                Marketplace へのご登録ありがとうございます。
                24 時間以内に次のリンクを開いて、メールアドレスの確認を完了してください。

                {link}

                お心当たりのない場合は、このメールを破棄してください。確認が済むまでアカウントは有効になりません。

                Marketplace
                ※本メールは送信専用です。
                """);

    /// <summary>Sent instead of a confirmation when the address already has an account, so sign-up answers the same either way.</summary>
    public static (string Subject, string Body) AlreadyRegistered(string language, string siteUrl) =>
        language == "en"
            ? ("Someone tried to sign up to Marketplace with your address",
               $"""
                Someone (perhaps you) tried to create a Marketplace account with this e-mail address, which already has one.
                To use it, sign in, or reset your password if you have forgotten it:

                {siteUrl}

                If this was not you, you can ignore this message; nothing was changed.

                Marketplace
                """)
            : ("【Marketplace】このメールアドレスは登録済みです",
               $"""
                このメールアドレスで Marketplace への新規登録が試みられましたが、すでにアカウントがあります。
                ご本人の場合は、サインインするか、パスワードをお忘れの場合は再設定してください。

                {siteUrl}

                お心当たりのない場合は、このメールを破棄してください。アカウントは変更されていません。

                Marketplace
                ※本メールは送信専用です。
                """);

    public static (string Subject, string Body) ResetPassword(string language, string link) =>
        language == "en"
            ? ("Reset your Marketplace password",
               $"""
                To choose a new password, open this link within 24 hours:

                {link}

                If you did not ask for this, ignore this message; your password stays as it is.

                Marketplace
                """)
            : ("【Marketplace】パスワードの再設定",
               $"""
                パスワードの再設定を受け付けました。24 時間以内に次のリンクを開き、新しいパスワードを設定してください。

                {link}

                お心当たりのない場合は、このメールを破棄してください。パスワードは変更されません。

                Marketplace
                ※本メールは送信専用です。
                """);

    /// <summary>Sent when a password reset is asked for an address with no account, so the answer is the same.</summary>
    public static (string Subject, string Body) ResetWithoutAccount(string language, string siteUrl) =>
        language == "en"
            ? ("Password reset for Marketplace",
               $"""
                Someone (perhaps you) asked to reset the Marketplace password for this address, but it has no account.
                To create one, sign up here:

                {siteUrl}/account/sign-up

                Marketplace
                """)
            : ("【Marketplace】パスワード再設定のご依頼について",
               $"""
                このメールアドレスでパスワードの再設定が依頼されましたが、Marketplace のアカウントは登録されていません。
                新しく登録される場合は、次のページからお手続きください。

                {siteUrl}/account/sign-up

                Marketplace
                ※本メールは送信専用です。
                """);

    public static (string Subject, string Body) LockedOut(string language, int minutes, string siteUrl) =>
        language == "en"
            ? ("Your Marketplace account is locked for a while",
               $"""
                After repeated wrong passwords, sign-in to your account is locked for {minutes} minutes.
                If this was not you, reset your password now:

                {siteUrl}/account/forgot-password

                Marketplace
                """)
            : ("【Marketplace】アカウントを一時的にロックしました",
               $"""
                パスワードの入力誤りが続いたため、{minutes} 分間サインインできないようにしました。
                お心当たりのない場合は、すぐにパスワードを再設定してください。

                {siteUrl}/account/forgot-password

                Marketplace
                ※本メールは送信専用です。
                """);

    public static (string Subject, string Body) Invitation(string language, string organisationName, string roleName, string link, int days) =>
        language == "en"
            ? ($"You are invited to {organisationName} on Marketplace",
               $"""
                You have been invited to join {organisationName} on Marketplace as {roleName}.
                Open this link within {days} days to accept (sign up first if you have no account):

                {link}

                If you did not expect this, ignore this message.

                Marketplace
                """)
            : ($"【Marketplace】{organisationName} への招待",
               $"""
                Marketplace の {organisationName} に「{roleName}」として招待されました。
                {days} 日以内に次のリンクを開いて参加してください（アカウントをお持ちでない場合は、先に新規登録してください）。

                {link}

                お心当たりのない場合は、このメールを破棄してください。

                Marketplace
                ※本メールは送信専用です。
                """);

    public static (string Subject, string Body) CertificationExpiring(string language, string organisationName, string certificationName,
        string registrationNumber, DateOnly validTo, int daysBefore, string profileUrl) =>
        language == "en"
            ? ($"{certificationName} ends on {validTo:yyyy-MM-dd}",
               $"""
                Dear {organisationName},

                Your certification {certificationName} (registration number {registrationNumber}) ends on {validTo:yyyy-MM-dd}, in {daysBefore} days or fewer.
                Once it has ended it no longer counts in clients' searches. When it is renewed, update the dates and upload the new certificate:

                {profileUrl}

                Marketplace
                """)
            : ($"【Marketplace】{certificationName} の有効期限が近づいています（{validTo:yyyy/MM/dd}）",
               $"""
                {organisationName} ご担当者様

                ご登録の {certificationName}（登録番号 {registrationNumber}）の有効期限は {validTo:yyyy年M月d日} です（残り {daysBefore} 日以内）。
                期限が切れると、発注企業の検索条件で認証として扱われなくなります。更新後は、有効期限と証憑をプロフィールで更新してください。

                {profileUrl}

                Marketplace
                ※本メールは送信専用です。
                """);
}
