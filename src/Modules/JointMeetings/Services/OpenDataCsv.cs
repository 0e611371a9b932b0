using System.Globalization;
using System.Text;
using Portal.Core;
using Portal.Core.Data;
using Portal.Core.Time;
using Portal.Modules.JointMeetings.Models;

namespace Portal.Modules.JointMeetings.Services;

/// <summary>
/// Meetings as the イベント一覧 dataset of the 自治体標準オープンデータセット, written as RFC 4180 CSV
/// (UTF-8 with BOM, CRLF, quoted only where needed) so spreadsheet software and open-data catalogues read it as is.
/// </summary>
public static class OpenDataCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Every ward of the portal is a ward of Osaka City.</summary>
    public const string PrefectureName = "大阪府";
    public const string CityName = "大阪市";
    public const string OnlinePlace = "オンライン";

    /// <summary>The columns of the standard dataset, in its order.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "市区町村コード", "NO", "都道府県名", "市区町村名", "イベント名", "イベント名_カナ", "イベント名_英語",
        "開始日", "終了日", "開始時間", "終了時間", "開始日時特記事項", "説明", "料金(基本)", "料金(詳細)",
        "連絡先名称", "連絡先電話番号", "連絡先内線番号", "主催者", "場所名称", "住所", "方書", "緯度", "経度",
        "アクセス方法", "駐車場情報", "定員", "参加申込終了日", "参加申込終了時間", "参加申込方法", "URL", "備考",
    ];

    /// <summary>
    /// The JIS X 0402 check digit of a 5-digit local-government code:
    /// (11 − (6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5) mod 11) mod 10.
    /// </summary>
    public static int CheckDigit(string code5)
    {
        if (code5.Length != 5 || !code5.All(char.IsAsciiDigit))
            throw new ArgumentException("A local-government code has five digits.", nameof(code5));
        var sum = 0;
        for (var i = 0; i < 5; i++)
            sum += (6 - i) * (code5[i] - '0');
        return (11 - sum % 11) % 10;
    }

    /// <summary>The 6-digit national code (全国地方公共団体コード), e.g. 27127 → 271276.</summary>
    public static string LocalGovernmentCode(string code5) => code5 + CheckDigit(code5).ToString(CultureInfo.InvariantCulture);

    /// <summary>True for a 6-digit code whose last digit is the check digit of the first five.</summary>
    public static bool IsValidLocalGovernmentCode(string code6) =>
        code6.Length == 6 && code6.All(char.IsAsciiDigit) && CheckDigit(code6[..5]) == code6[5] - '0';

    /// <summary>The CSV file as bytes. Meetings need Ward and OrganisingOrganisation loaded and come in start order.</summary>
    /// <param name="site">The site's public address, for each meeting's URL.</param>
    public static byte[] Write(IEnumerable<Meeting> meetings, PublicBaseUrl site)
    {
        var csv = new StringBuilder();
        AppendRow(csv, Header);
        var number = 0;
        foreach (var meeting in meetings)
            AppendRow(csv, Row(meeting, ++number, site));
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(csv.ToString())];
    }

    public static IReadOnlyList<string> Row(Meeting meeting, int number, PublicBaseUrl site)
    {
        var ward = meeting.Ward ?? throw new InvalidOperationException("Load the meeting's ward.");
        var organiser = meeting.OrganisingOrganisation?.Name ?? throw new InvalidOperationException("Load the meeting's organising organisation.");
        var start = TokyoTime.ToTokyo(meeting.StartUtc);
        var end = TokyoTime.ToTokyo(meeting.EndUtc);
        var place = meeting.Place.Length > 0 ? meeting.Place : meeting.OnlineUrl.Length > 0 ? OnlinePlace : "";
        string[] row =
        [
            LocalGovernmentCode(ward.Code), number.ToString(CultureInfo.InvariantCulture), PrefectureName, CityName + ward.Name,
            meeting.Title, "", "",
            Date(start), Date(end), Time(start), Time(end), "", meeting.Description, "", "",
            organiser, "", "", organiser, place, "", "", "", "",
            "", "", "", "", "", "", site.Absolute($"/meetings/{meeting.Id}").AbsoluteUri,
            meeting.OnlineUrl,
        ];
        return row;
    }

    /// <summary>RFC 4180: quote a field holding a comma, a quote, CR or LF, and double its quotes.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static string Date(DateTime tokyo) => tokyo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime tokyo) => tokyo.ToString("HH:mm", CultureInfo.InvariantCulture);
}
