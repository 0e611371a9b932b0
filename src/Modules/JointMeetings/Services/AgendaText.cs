using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Data;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>A problem on one agenda line: a Japanese message key and its arguments (the line number first).</summary>
public sealed record AgendaError(string Message, object[] Arguments);

/// <summary>
/// The agenda as staff type it: one item per line, "HH:MM 議題", optionally ending in "@organisation-key" for the presenter.
/// Blank lines are ignored; every other line must parse, or the whole agenda is refused with one message per bad line.
/// </summary>
public static partial class AgendaText
{
    public const int MaxItems = 50;
    public const int MaxTitleLength = 200;

    public static (List<AgendaItem> Items, List<AgendaError> Errors) Parse(
        string? text, TimeOnly meetingStart, TimeOnly meetingEnd, IReadOnlyList<Organisation> presenters)
    {
        var items = new List<AgendaItem>();
        var errors = new List<AgendaError>();
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0) continue;

            var match = LinePattern().Match(line.Replace('：', ':'));
            if (!match.Success)
            {
                errors.Add(new("{0}行目: 「時刻 議題」の形式（例: 14:00 開会あいさつ）で入力してください。", [number]));
                continue;
            }
            if (!TimeOnly.TryParseExact(match.Groups["time"].Value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var startsAt))
            {
                errors.Add(new("{0}行目: 時刻「{1}」が正しくありません。", [number, match.Groups["time"].Value]));
                continue;
            }
            // Meetings that cross midnight are not expected; the window check is on the wall clock of the start day.
            if (startsAt < meetingStart || (meetingEnd > meetingStart && startsAt >= meetingEnd))
                errors.Add(new("{0}行目: 時刻 {1} は会議の時間（{2}〜{3}）の範囲外です。", [number, startsAt.ToString("HH:mm"), meetingStart.ToString("HH:mm"), meetingEnd.ToString("HH:mm")]));

            var title = match.Groups["title"].Value.Trim();
            int? presenterId = null;
            if (match.Groups["presenter"].Success)
            {
                var key = match.Groups["presenter"].Value;
                var presenter = presenters.FirstOrDefault(o => o.Key == key);
                if (presenter is null)
                    errors.Add(new("{0}行目: 発表組織「{1}」は参加組織にありません。", [number, key]));
                presenterId = presenter?.Id;
            }
            if (title.Length == 0)
                errors.Add(new("{0}行目: 議題を入力してください。", [number]));
            else if (title.Length > MaxTitleLength)
                errors.Add(new("{0}行目: 議題は{1}文字以内で入力してください。", [number, MaxTitleLength]));

            items.Add(new AgendaItem { Position = items.Count + 1, StartsAt = startsAt, Title = title, PresenterOrganisationId = presenterId });
        }
        if (items.Count > MaxItems)
            errors.Add(new("議題は{0}件以内にしてください。", [MaxItems]));
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].StartsAt < items[i - 1].StartsAt)
            {
                errors.Add(new("議題は開始時刻の順に並べてください（{0}「{1}」）。", [items[i].StartsAt.ToString("HH:mm"), items[i].Title]));
                break;
            }
        }
        return (items, errors);
    }

    /// <summary>The agenda back as editable text.</summary>
    public static string Format(IEnumerable<AgendaItem> items, IReadOnlyList<Organisation> organisations)
    {
        var text = new StringBuilder();
        foreach (var item in items.OrderBy(a => a.Position))
        {
            text.Append(item.StartsAt.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(' ').Append(item.Title);
            if (organisations.FirstOrDefault(o => o.Id == item.PresenterOrganisationId) is { } presenter)
                text.Append(" @").Append(presenter.Key);
            text.Append('\n');
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^(?<time>\d{1,2}[:：]\d{2})[\s　]+(?<title>.+?)(?:[\s　]+[@＠](?<presenter>[a-z0-9\-]+))?$")]
    private static partial Regex LinePattern();
}
