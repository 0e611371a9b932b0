using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core;
using Portal.Core.Data;
using Portal.Modules.JointMeetings.Models;
using Portal.Modules.JointMeetings.Services;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.JointMeetings;

public class OpenDataTests
{
    private static readonly string[] StandardHeader =
    [
        "市区町村コード", "NO", "都道府県名", "市区町村名", "イベント名", "イベント名_カナ", "イベント名_英語",
        "開始日", "終了日", "開始時間", "終了時間", "開始日時特記事項", "説明", "料金(基本)", "料金(詳細)",
        "連絡先名称", "連絡先電話番号", "連絡先内線番号", "主催者", "場所名称", "住所", "方書", "緯度", "経度",
        "アクセス方法", "駐車場情報", "定員", "参加申込終了日", "参加申込終了時間", "参加申込方法", "URL", "備考",
    ];

    [Theory]
    [InlineData("27127", "271276")] // 北区: 6·2+5·7+4·1+3·2+2·7 = 71, 71 mod 11 = 5, (11−5) mod 10 = 6
    [InlineData("27128", "271284")] // 中央区
    [InlineData("13101", "131016")] // 千代田区
    [InlineData("27100", "271004")] // 大阪市
    public void Local_government_code_gets_the_JIS_X_0402_check_digit(string code5, string expected)
    {
        Assert.Equal(expected, OpenDataCsv.LocalGovernmentCode(code5));
        Assert.True(OpenDataCsv.IsValidLocalGovernmentCode(expected));
        Assert.False(OpenDataCsv.IsValidLocalGovernmentCode(code5 + (expected[5] == '9' ? '0' : (char)(expected[5] + 1))));
    }

    [Fact]
    public async Task Ward_csv_is_RFC_4180_with_the_standard_header_and_one_row_per_public_meeting_in_Tokyo_time()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        var response = await client.GetAsync("/opendata/meetings.csv?ward=27127");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("meetings.csv", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(",", StandardHeader) + "\r\n", text);
        Assert.EndsWith("\r\n", text);

        var rows = Csv.Parse(text);
        Assert.Equal(StandardHeader, rows[0]);
        var records = rows.Skip(1).Select(r => Record(rows[0], r)).ToList();

        var expected = await host.QueryAsync(db => db.Set<Meeting>().Include(m => m.OrganisingOrganisation)
            .Where(m => m.Ward!.Code == "27127" && m.IsPublic).OrderBy(m => m.StartUtc).ThenBy(m => m.Id).ToListAsync());
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(m => m.Title), records.Select(r => r["イベント名"]));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(n => n.ToString()), records.Select(r => r["NO"]));
        Assert.DoesNotContain(records, r => r["イベント名"] == PrivateKitaMeeting);
        Assert.All(records, r =>
        {
            Assert.Equal("271276", r["市区町村コード"]);
            Assert.Equal("大阪府", r["都道府県名"]);
            Assert.Equal("大阪市北区", r["市区町村名"]);
            Assert.Equal("", r["イベント名_カナ"]);
            Assert.Equal("", r["緯度"]);
        });
        foreach (var (meeting, record) in expected.Zip(records))
        {
            Assert.Equal(host.Service<PublicBaseUrl>().Absolute($"/meetings/{meeting.Id}").AbsoluteUri, record["URL"]);
            Assert.Equal(meeting.OrganisingOrganisation!.Name, record["主催者"]);
            Assert.Equal(meeting.OrganisingOrganisation.Name, record["連絡先名称"]);
        }

        // Seeded as 2026-09-16 14:00–16:00 +09:00, i.e. 05:00–07:00 UTC.
        var seventh = records.Single(r => r["イベント名"] == PublicKitaMeeting);
        Assert.Equal(("2026-09-16", "2026-09-16", "14:00", "16:00"), (seventh["開始日"], seventh["終了日"], seventh["開始時間"], seventh["終了時間"]));
        Assert.Equal("北区役所 4階 会議室", seventh["場所名称"]);
    }

    [Fact]
    public async Task All_wards_csv_has_every_public_meeting_and_no_private_one_even_for_signed_in_staff()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWard);
        // Staff of the organising ward office see the private meeting elsewhere, which makes this check meaningful.
        var privateMeeting = await FindAsync(host, PrivateKitaMeeting);
        Assert.False(privateMeeting.IsPublic);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/meetings/{privateMeeting.Id}.ics")).StatusCode);

        var records = await CsvRecordsAsync(staff, "/opendata/meetings.csv");

        var publicIds = await host.QueryAsync(db => db.Set<Meeting>().Where(m => m.IsPublic)
            .OrderBy(m => m.StartUtc).ThenBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.True(await host.QueryAsync(db => db.Set<Meeting>().CountAsync(m => !m.IsPublic)) > 0);
        Assert.Equal(publicIds.Select(id => host.Service<PublicBaseUrl>().Absolute($"/meetings/{id}").AbsoluteUri), records.Select(r => r["URL"]));
        Assert.Equal(Enumerable.Range(1, publicIds.Count).Select(n => n.ToString()), records.Select(r => r["NO"]));
        Assert.Contains(records, r => r["市区町村コード"] == "271276" && r["市区町村名"] == "大阪市北区");
        Assert.Contains(records, r => r["市区町村コード"] == "271284" && r["市区町村名"] == "大阪市中央区");
        // Start order across wards.
        var starts = records.Select(r => r["開始日"] + " " + r["開始時間"]).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
    }

    [Fact]
    public async Task A_title_with_comma_quote_and_newline_is_quoted_and_an_online_meeting_names_its_url()
    {
        await using var host = await PortalTestHost.StartAsync();
        const string title = "北区, \"特別\" 会議\n第2部";
        const string url = "https://meet.example.jp/kita-special";
        var id = await AddMeetingAsync(host, title, new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc), place: "", onlineUrl: url);
        using var client = host.CreateClient();

        // The 6-digit local-government code selects the ward too.
        var response = await client.GetAsync("/opendata/meetings.csv?ward=271276");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Contains(",\"北区, \"\"特別\"\" 会議\n第2部\",", text);
        var records = await CsvRecordsAsync(client, "/opendata/meetings.csv?ward=271276");
        var record = records.Single(r => r["URL"].EndsWith($"/meetings/{id}"));
        Assert.Equal(title, record["イベント名"]);
        Assert.Equal("オンライン", record["場所名称"]);
        Assert.Equal(url, record["備考"]);
        Assert.Equal(("2026-10-01", "10:00"), (record["開始日"], record["開始時間"]));
    }

    [Fact]
    public async Task From_and_to_are_days_in_Tokyo()
    {
        await using var host = await PortalTestHost.StartAsync();
        // 2026-09-16 23:30 in Tokyo is still 2026-09-16 14:30 in UTC, and 2026-09-17 00:30 in Tokyo is 2026-09-16 15:30 UTC.
        var lateId = await AddMeetingAsync(host, "深夜の会議", new DateTime(2026, 9, 16, 14, 30, 0, DateTimeKind.Utc));
        var nextDayId = await AddMeetingAsync(host, "翌日未明の会議", new DateTime(2026, 9, 16, 15, 30, 0, DateTimeKind.Utc));
        using var client = host.CreateClient();

        var sixteenth = await CsvRecordsAsync(client, "/opendata/meetings.csv?ward=27127&from=2026-09-16&to=2026-09-16");
        var seventeenth = await CsvRecordsAsync(client, "/opendata/meetings.csv?from=2026-09-17&to=2026-09-17");

        Assert.Equal([PublicKitaMeeting, "深夜の会議"], sixteenth.Select(r => r["イベント名"]));
        Assert.Equal(("2026-09-16", "23:30"), (sixteenth[1]["開始日"], sixteenth[1]["開始時間"]));
        var next = Assert.Single(seventeenth);
        Assert.EndsWith($"/meetings/{nextDayId}", next["URL"]);
        Assert.Equal(("2026-09-17", "00:30", "1"), (next["開始日"], next["開始時間"], next["NO"]));
        Assert.DoesNotContain(seventeenth, r => r["URL"].EndsWith($"/meetings/{lateId}"));
    }

    [Theory]
    [InlineData("/opendata/meetings.csv?ward=kita", HttpStatusCode.BadRequest)]
    [InlineData("/opendata/meetings.csv?ward=2712", HttpStatusCode.BadRequest)]
    [InlineData("/opendata/meetings.csv?ward=271277", HttpStatusCode.BadRequest)] // wrong check digit
    [InlineData("/opendata/meetings.csv?ward=99999", HttpStatusCode.NotFound)]
    [InlineData("/opendata/meetings.csv?from=2026-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/opendata/meetings.csv?from=16/09/2026", HttpStatusCode.BadRequest)]
    [InlineData("/opendata/meetings.csv?to=2026-9-1", HttpStatusCode.BadRequest)]
    [InlineData("/opendata/meetings.csv?to=0001-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/opendata/meetings.csv?from=2026-10-01&to=2026-09-01", HttpStatusCode.BadRequest)]
    public async Task Bad_parameters_get_problem_details(string url, HttpStatusCode status)
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();

        await (await client.GetAsync(url)).AssertProblemAsync(status);
    }

    [Fact]
    public async Task Open_data_page_lists_the_datasets_per_ward_with_the_licence()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var resident = host.CreateClient();

        var home = await resident.GetStringAsync("/");
        var html = await resident.GetStringAsync("/opendata");

        Assert.Contains("href=\"/opendata\"", home);
        Assert.Contains("クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）", html);
        Assert.Contains("href=\"/opendata/meetings.csv\"", html);
        var wardCodes = await host.QueryAsync(db => db.Wards.Select(w => w.Code).ToListAsync());
        Assert.All(wardCodes, code =>
        {
            Assert.Contains($"href=\"/opendata/meetings.csv?ward={code}\"", html);
            Assert.Contains($"href=\"/meetings/feeds/ward/{code}.ics\"", html);
        });
        // The linked downloads work.
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync("/meetings/feeds/ward/27128.ics")).StatusCode);

        await resident.GetAsync("/culture?lang=en&returnUrl=/");
        var english = await resident.GetStringAsync("/opendata");
        Assert.Contains("Creative Commons Attribution 4.0 International (CC BY 4.0)", english);
        Assert.Contains("<h1>Open data</h1>", english);
    }

    private static async Task<int> AddMeetingAsync(PortalTestHost host, string title, DateTime startUtc, string place = "北区役所 4階 会議室", string onlineUrl = "")
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ward = await db.Wards.SingleAsync(w => w.Code == "27127");
        var organiser = await db.Organisations.SingleAsync(o => o.Key == "kita-ward-office");
        var meeting = new Meeting
        {
            Title = title, WardId = ward.Id, OrganisingOrganisationId = organiser.Id, StartUtc = startUtc, EndUtc = startUtc.AddHours(1),
            Place = place, OnlineUrl = onlineUrl, IsPublic = true, CreatedUtc = host.UtcNow, ModifiedUtc = host.UtcNow,
            Participants = [new MeetingParticipant { OrganisationId = organiser.Id }],
        };
        db.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private static async Task<List<Dictionary<string, string>>> CsvRecordsAsync(PortalClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(StandardHeader, rows[0]);
        return rows.Skip(1).Select(r => Record(rows[0], r)).ToList();
    }

    private static Dictionary<string, string> Record(string[] header, string[] row)
    {
        Assert.Equal(header.Length, row.Length);
        return header.Zip(row).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>A strict RFC 4180 reader: records end with CRLF, quoted fields may hold commas, CR, LF and doubled quotes.</summary>
    private static class Csv
    {
        public static List<string[]> Parse(string text)
        {
            var rows = new List<string[]>();
            var row = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        if (i >= text.Length) throw new FormatException("Unterminated quoted field.");
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                            i++;
                            break;
                        }
                        field.Append(text[i++]);
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        if (text[i] == '"') throw new FormatException($"Quote inside an unquoted field at {i}.");
                        field.Append(text[i++]);
                    }
                }
                row.Add(field.ToString());
                field.Clear();
                if (i >= text.Length) throw new FormatException("The last record does not end with CRLF.");
                if (text[i] == ',') { i++; continue; }
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    rows.Add([.. row]);
                    row.Clear();
                    i += 2;
                    continue;
                }
                throw new FormatException($"Unexpected character at {i}; records end with CRLF.");
            }
            return rows;
        }
    }
}
