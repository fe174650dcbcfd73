using Marketplace.Core.Mail;
using Marketplace.Core.Notifications;

namespace Marketplace.Core.Tests;

public sealed class NoticeEmailsTests
{
    private static readonly Dictionary<string, string> Data = new()
    {
        ["rfpId"] = "0195f0c1-0000-7000-8000-000000000001", ["title"] = "給与計算業務の委託", ["reason"] = "予算の見直し", ["version"] = "2",
        ["summary"] = "締切を延長", ["deadline"] = "2026-12-01T09:00:00+00:00", ["score"] = "80",
    };

    [Theory]
    [InlineData(NotificationTypes.RfpMatched, "貴社に合う RFP", "A new RFP fits your services")]
    [InlineData(NotificationTypes.RfpInvited, "RFP へのご招待", "You are invited to propose")]
    [InlineData(NotificationTypes.RfpQuestionAnswered, "質問への回答", "A question was answered")]
    [InlineData(NotificationTypes.RfpAddendum, "第 2 版", "version 2")]
    [InlineData(NotificationTypes.RfpDeadlineApproaching, "24 時間を切りました", "within 24 hours")]
    [InlineData(NotificationTypes.RfpClosed, "締め切りました", "Proposals closed")]
    [InlineData(NotificationTypes.RfpCancelled, "中止のお知らせ", "was cancelled")]
    [InlineData(NotificationTypes.RfpAwarded, "採択のお知らせ", "was selected")]
    [InlineData(NotificationTypes.RfpNotSelected, "お見送りのご連絡", "About your proposal")]
    public void Every_rfp_notice_has_a_japanese_and_an_english_email_with_a_link_to_the_rfp(string type, string japanese, string english)
    {
        var (jaSubject, jaBody) = NoticeEmails.Render(type, "ja", "さくら物産", Data, "https://marketplace.example/");
        Assert.StartsWith("【Marketplace】", jaSubject);
        Assert.Contains(japanese, jaSubject);
        Assert.Contains("さくら物産 ご担当者様", jaBody);
        var (enSubject, enBody) = NoticeEmails.Render(type, "en", "Sakura Trading", Data, "https://marketplace.example/");
        Assert.Contains(english, enSubject);
        Assert.Contains("Dear Sakura Trading", enBody);
        // The client opens its own RFP; vendors open it in their feed.
        var side = type == NotificationTypes.RfpClosed ? "client" : "vendor";
        Assert.Contains($"https://marketplace.example/{side}/rfps/{Data["rfpId"]}", jaBody);
        Assert.Contains($"https://marketplace.example/{side}/rfps/{Data["rfpId"]}", enBody);
    }

    [Fact]
    public void The_deadline_reads_in_japan_time_and_the_reasons_and_summaries_are_carried()
    {
        Assert.Contains("2026年12月1日 18:00", NoticeEmails.Render(NotificationTypes.RfpDeadlineApproaching, "ja", "A", Data, "https://x").Body);
        Assert.Contains("2026-12-01 18:00 JST", NoticeEmails.Render(NotificationTypes.RfpDeadlineApproaching, "en", "A", Data, "https://x").Body);
        Assert.Contains("理由：予算の見直し", NoticeEmails.Render(NotificationTypes.RfpCancelled, "ja", "A", Data, "https://x").Body);
        Assert.Contains("What changed: 締切を延長", NoticeEmails.Render(NotificationTypes.RfpAddendum, "en", "A", Data, "https://x").Body);
        Assert.Throws<ArgumentOutOfRangeException>(() => NoticeEmails.Render("rfp.unknown", "ja", "A", Data, "https://x"));
    }

    [Fact]
    public void The_past_due_notice_names_the_plan_and_the_end_of_grace_and_links_to_the_plan_page()
    {
        var data = new Dictionary<string, string> { ["planJa"] = "スタンダード", ["planEn"] = "Standard", ["graceUntil"] = "2026-12-02" };
        var (jaSubject, jaBody) = NoticeEmails.Render(NotificationTypes.BillingPastDue, "ja", "請求書サービス", data, "https://marketplace.example/");
        Assert.Contains("お支払いを確認できませんでした：スタンダードプラン", jaSubject);
        Assert.Contains("2026-12-02 までは現在のプラン", jaBody);
        Assert.Contains("https://marketplace.example/vendor/billing", jaBody);
        var (enSubject, enBody) = NoticeEmails.Render(NotificationTypes.BillingPastDue, "en", "Invoice Services", data, "https://marketplace.example/");
        Assert.Contains("Standard plan", enSubject);
        Assert.Contains("until 2026-12-02", enBody);
        Assert.DoesNotContain("/rfps/", enBody);
    }
}
