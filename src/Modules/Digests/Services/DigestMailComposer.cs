using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Portal.Core;
using Portal.Core.Digests;
using Portal.Core.Time;
using Portal.Modules.Digests.Models;

namespace Portal.Modules.Digests.Services;

/// <summary>What one digest mail says: who it is for, which period, what was followed, and the sections found.</summary>
public sealed record DigestMailContent(
    long DeliveryId, int RunId, int SubscriptionId, string Email, DigestPeriod Period, string ScopeLabel, IReadOnlyList<DigestSection> Sections);

/// <summary>Builds the UTF-8 mail (text and HTML) with RFC 8058 one-click unsubscribe headers.</summary>
public sealed class DigestMailComposer(IOptions<SmtpOptions> smtp, PublicBaseUrl site, UnsubscribeTokens tokens)
{
    /// <summary>Same run and subscription → same Message-ID, so a resend after a crash is recognisable as the same mail.</summary>
    public string MessageIdFor(int runId, int subscriptionId) => $"digest.{runId}.{subscriptionId}@{site.Host}";

    public string Absolute(string path) => site.Absolute(path).ToString();

    public MimeMessage Compose(DigestMailContent content, DateTimeOffset now)
    {
        var unsubscribeUrl = Absolute("/digests/unsubscribe/" + tokens.Create(content.SubscriptionId));
        var manageUrl = Absolute("/digests/subscriptions");
        var title = (content.Period.Frequency == DigestFrequency.Weekly ? "週間会議ダイジェスト " : "会議ダイジェスト ") + content.Period.JapaneseLabel;

        var message = new MimeMessage
        {
            Subject = "【区政協働ポータル】" + title,
            MessageId = MessageIdFor(content.RunId, content.SubscriptionId),
            Date = now,
        };
        message.From.Add(smtp.Value.Sender());
        message.To.Add(MailboxAddress.Parse(content.Email));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder
        {
            TextBody = Text(content, title, manageUrl, unsubscribeUrl),
            HtmlBody = Html(content, title, manageUrl, unsubscribeUrl),
        };
        message.Body = body.ToMessageBody();
        foreach (var part in message.BodyParts.OfType<TextPart>())
            part.ContentType.Charset = "utf-8";
        return message;
    }

    private string Text(DigestMailContent c, string title, string manageUrl, string unsubscribeUrl)
    {
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine($"対象: {c.ScopeLabel}").AppendLine();
        foreach (var section in c.Sections.Where(s => s.Items.Count > 0))
        {
            text.AppendLine($"■ {section.Heading}（{section.Items.Count}件）");
            foreach (var item in section.Items)
            {
                text.Append("・").Append(item.Title);
                if (item.WhenUtc is { } when) text.Append('（').Append(TokyoTime.Format(when, JapaneseCulture)).Append('）');
                text.AppendLine();
                if (!string.IsNullOrWhiteSpace(item.Detail)) text.Append("  ").AppendLine(item.Detail);
                text.Append("  ").AppendLine(Absolute(item.Path));
            }
            text.AppendLine();
        }
        text.AppendLine("――").AppendLine("このメールは区政協働ポータルの購読設定に基づいて送信しています。")
            .AppendLine($"購読の設定: {manageUrl}").AppendLine($"配信の停止: {unsubscribeUrl}");
        return text.ToString();
    }

    private string Html(DigestMailContent c, string title, string manageUrl, string unsubscribeUrl)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title></head><body>");
        html.Append("<h1>").Append(E(title)).Append("</h1><p>対象: ").Append(E(c.ScopeLabel)).Append("</p>");
        foreach (var section in c.Sections.Where(s => s.Items.Count > 0))
        {
            html.Append("<h2>").Append(E(section.Heading)).Append("（").Append(section.Items.Count).Append("件）</h2><ul>");
            foreach (var item in section.Items)
            {
                html.Append("<li><a href=\"").Append(E(Absolute(item.Path))).Append("\">").Append(E(item.Title)).Append("</a>");
                if (item.WhenUtc is { } when)
                    html.Append(" <time datetime=\"").Append(TokyoTime.Iso(when)).Append("\">").Append(E(TokyoTime.Format(when, JapaneseCulture))).Append("</time>");
                if (!string.IsNullOrWhiteSpace(item.Detail)) html.Append("<br>").Append(E(item.Detail));
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("<hr><p>このメールは区政協働ポータルの購読設定に基づいて送信しています。<br>")
            .Append("<a href=\"").Append(E(manageUrl)).Append("\">購読の設定</a> ｜ <a href=\"").Append(E(unsubscribeUrl)).Append("\">配信の停止</a></p>")
            .Append("</body></html>");
        return html.ToString();
    }

    private static readonly System.Globalization.CultureInfo JapaneseCulture = new("ja-JP");
}
