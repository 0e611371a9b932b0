using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Core.Time;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Load;

/// <summary>
/// The baseline: the council list and detail pages written by hand, running the SQL that EF Core sends for the real
/// pages (copied from its command log) over plain ADO.NET and writing the same HTML with a StringBuilder.
/// Behind the same middleware as the pages. The load run checks that both give the same HTML before it measures.
/// </summary>
public static class BareCouncilPages
{
    private const int PageSize = 20;
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string WardsSql = """
        SELECT "w"."Id", "w"."Code", "w"."Name", "w"."NameEn", "w"."SortOrder"
        FROM "Wards" AS "w"
        ORDER BY "w"."SortOrder"
        """;
    private const string CountsByWardSql = """
        SELECT "d"."WardId", COUNT(*) AS "Count"
        FROM "DistrictCouncil" AS "d"
        WHERE "d"."IsPublished"
        GROUP BY "d"."WardId"
        """;
    private const string CountInWardSql = """
        SELECT COUNT(*)
        FROM "DistrictCouncil" AS "d"
        WHERE "d"."IsPublished" AND "d"."WardId" = @wardId
        """;
    private const string PageInWardSql = """
        SELECT "d0"."Id", "d0"."Name", "w"."Name", "w"."NameEn", "d0"."Area", "d0"."Fields"
        FROM (
            SELECT "d"."Id", "d"."Area", "d"."Fields", "d"."Name", "d"."WardId"
            FROM "DistrictCouncil" AS "d"
            WHERE "d"."IsPublished" AND "d"."WardId" = @wardId
            ORDER BY "d"."Name", "d"."Id"
            LIMIT @p OFFSET @p0
        ) AS "d0"
        INNER JOIN "Wards" AS "w" ON "d0"."WardId" = "w"."Id"
        ORDER BY "d0"."Name", "d0"."Id"
        """;
    private const string CouncilSql = """
        SELECT "d"."Id", "d"."Name", "d"."IsPublished", "d"."WardId", "d"."ManagingOrganisationId", "w"."Code", "w"."Name", "w"."NameEn", "o"."Name", "o"."NameEn", "d"."Area", "d"."Fields", "d"."Description", "d"."ContactName", "d"."ContactPhone", "d"."ContactEmail", "d"."Latitude", "d"."Longitude"
        FROM "DistrictCouncil" AS "d"
        INNER JOIN "Wards" AS "w" ON "d"."WardId" = "w"."Id"
        INNER JOIN "Organisations" AS "o" ON "d"."ManagingOrganisationId" = "o"."Id"
        WHERE "d"."Id" = @id
        LIMIT 1
        """;
    private const string LatestUpdatesSql = """
        SELECT "c0"."Id", "c0"."Title", "c0"."PublishedUtc", "o"."Name", "o"."NameEn"
        FROM (
            SELECT "c"."Id", "c"."OrganisationId", "c"."PublishedUtc", "c"."Title"
            FROM "CouncilUpdate" AS "c"
            WHERE "c"."CouncilId" = @councilId AND "c"."Status" = 1
            ORDER BY "c"."PublishedUtc" DESC, "c"."Id" DESC
            LIMIT @count
        ) AS "c0"
        INNER JOIN "Organisations" AS "o" ON "c0"."OrganisationId" = "o"."Id"
        ORDER BY "c0"."PublishedUtc" DESC, "c0"."Id" DESC
        """;

    private sealed record WardRow(int Id, string Code, string Name);

    public static void Map(WebApplication app)
    {
        string connectionString;
        using (var scope = app.Services.CreateScope())
            connectionString = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GetConnectionString()!;

        app.MapGet("/bare/councils", async (HttpContext context, string ward, int? p) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var html = await ListAsync(connection, ward, p ?? 1);
            return html is null ? Results.NotFound() : Results.Content(html, "text/html; charset=utf-8");
        });
        // The floor: a fixed answer of a council page's size through the same middleware, with no query and no rendering.
        var floor = Encoding.UTF8.GetBytes(new string('x', LoadRun.FloorBytes));
        app.MapGet("/bare/floor/{id:int}", (int id) => Results.Bytes(floor, "text/html; charset=utf-8"));
        app.MapGet("/bare/councils/{id:int}", async (int id) =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            var html = await DetailAsync(connection, id);
            return html is null ? Results.NotFound() : Results.Content(html, "text/html; charset=utf-8");
        });
    }

    private static async Task<string?> ListAsync(SqliteConnection connection, string wardCode, int page)
    {
        var wards = new List<WardRow>();
        await using (var command = new SqliteCommand(WardsSql, connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                wards.Add(new WardRow(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
        var counts = new Dictionary<int, int>();
        await using (var command = new SqliteCommand(CountsByWardSql, connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                counts[reader.GetInt32(0)] = reader.GetInt32(1);
        var ward = wards.Find(w => w.Code == wardCode);
        if (ward is null)
            return null;

        int total;
        await using (var command = new SqliteCommand(CountInWardSql, connection))
        {
            command.Parameters.AddWithValue("@wardId", ward.Id);
            total = Convert.ToInt32(await command.ExecuteScalarAsync());
        }

        var title = $"{ward.Name}の地域活動協議会";
        var body = new StringBuilder(24_000);
        var returnUrl = $"/councils?ward={wardCode}&p={page}";
        Header(body, title, returnUrl, $"""
                    <link rel="alternate" type="application/atom+xml" title="{E(ward.Name)}の地域活動協議会の更新情報" href="/councils/feeds/ward/{wardCode}.atom" />
            """);
        body.Append($"""
            <h1>{E(title)}</h1>
            <p class="page-links">
                <a href="/councils/map?ward={wardCode}">地図で見る</a>
                · <a href="/councils/feeds/ward/{wardCode}.atom" type="application/atom+xml">更新情報のフィード（Atom）</a>
            </p>
            <p class="lead">地域活動協議会は、おおむね小学校区ごとに、防犯・防災、子ども・青少年、福祉、健康、環境、文化・スポーツの6分野で地域のまちづくりに取り組む団体です。</p>
            <nav aria-labelledby="wards-heading" class="ward-index">
                <h2 id="wards-heading">区から探す</h2>
                <ul class="ward-grid">
            """);
        foreach (var w in wards)
        {
            var current = w.Code == wardCode ? " aria-current=\"page\"" : "";
            body.Append($"""
                <li>
                    <a href="/councils?ward={w.Code}"{current}>
                        {E(w.Name)} <span class="count">{counts.GetValueOrDefault(w.Id)}団体</span>
                    </a>
                </li>
                """);
        }
        body.Append($"""
                </ul>
            </nav>
            <form method="get" class="filter" role="search" aria-label="絞り込み">
                <input type="hidden" name="ward" value="{wardCode}" />
                <label for="field">活動分野</label>
                <select id="field" name="field">
                    <option value="">すべての分野</option>
            """);
        foreach (var f in FlagSet<ActivityFields>.All)
            body.Append($"<option value=\"{f}\">{FlagSet<ActivityFields>.Label(f)}</option>\n");
        body.Append($"""
                </select>
                <button type="submit">絞り込む</button>
            </form>
            <p class="result-count" role="status">{total}件</p>
            """);
        if (total == 0)
            body.Append("<p>該当する協議会はありません。</p>\n");
        body.Append("<ul class=\"card-list\">\n");
        await using (var command = new SqliteCommand(PageInWardSql, connection))
        {
            command.Parameters.AddWithValue("@wardId", ward.Id);
            command.Parameters.AddWithValue("@p", PageSize);
            command.Parameters.AddWithValue("@p0", (page - 1) * PageSize);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                body.Append($"""
                    <li class="card">
                        <h2 class="card-title"><a href="/councils/{reader.GetInt32(0)}">{E(reader.GetString(1))}</a></h2>
                        <p class="meta">{E(reader.GetString(2))} · {E(reader.GetString(4))}</p>
                        <ul class="tags" aria-label="活動分野">
                    """);
                foreach (var f in FlagSet<ActivityFields>.Split((ActivityFields)reader.GetInt32(5)))
                    body.Append($"<li class=\"tag\">{FlagSet<ActivityFields>.Label(f)}</li>\n");
                body.Append("</ul>\n</li>\n");
            }
        }
        body.Append("</ul>\n");
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pageCount > 1)
        {
            body.Append("<nav aria-label=\"ページ\" class=\"pager\">\n");
            if (page > 1)
                body.Append($"<a href=\"/councils?ward={wardCode}&amp;p={page - 1}\" rel=\"prev\">前へ</a>\n");
            body.Append($"<span>{page} / {pageCount} ページ</span>\n");
            if (page < pageCount)
                body.Append($"<a href=\"/councils?ward={wardCode}&amp;p={page + 1}\" rel=\"next\">次へ</a>\n");
            body.Append("</nav>\n");
        }
        Footer(body);
        return body.ToString();
    }

    private static async Task<string?> DetailAsync(SqliteConnection connection, int id)
    {
        var body = new StringBuilder(8_000);
        await using (var command = new SqliteCommand(CouncilSql, connection))
        {
            command.Parameters.AddWithValue("@id", id);
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync() || !reader.GetBoolean(2))
                return null;
            var name = reader.GetString(1);
            var wardCode = reader.GetString(5);
            var wardName = reader.GetString(6);
            Header(body, name, $"/councils/{id}", "");
            body.Append($"""
                <nav aria-label="パンくずリスト" class="breadcrumb">
                    <ol>
                        <li><a href="/councils">地域活動協議会</a></li>
                        <li><a href="/councils?ward={wardCode}">{E(wardName)}</a></li>
                        <li aria-current="page">{E(name)}</li>
                    </ol>
                </nav>
                <h1>{E(name)}</h1>
                <dl class="profile">
                    <dt>区</dt>
                    <dd>{E(wardName)}</dd>
                    <dt>地域（校区）</dt>
                    <dd>{E(reader.GetString(10))}</dd>
                    <dt>活動分野</dt>
                    <dd>
                        <ul class="tags">
                """);
            foreach (var f in FlagSet<ActivityFields>.Split((ActivityFields)reader.GetInt32(11)))
                body.Append($"<li class=\"tag\">{FlagSet<ActivityFields>.Label(f)}</li>\n");
            body.Append($"""
                        </ul>
                    </dd>
                    <dt>担当組織</dt>
                    <dd>{E(reader.GetString(8))}</dd>
                """);
            var (contactName, phone, email) = (reader.GetString(13), reader.GetString(14), reader.GetString(15));
            if (contactName.Length > 0 || phone.Length > 0 || email.Length > 0)
            {
                body.Append($"<dt>連絡先</dt>\n<dd>\n{E(contactName)}\n");
                if (phone.Length > 0)
                    body.Append($"<br /><a href=\"tel:{E(phone)}\">{E(phone)}</a>\n");
                if (email.Length > 0)
                    body.Append($"<br /><a href=\"mailto:{E(email)}\">{E(email)}</a>\n");
                body.Append("</dd>\n");
            }
            if (!reader.IsDBNull(16) && !reader.IsDBNull(17))
            {
                var (lat, lng) = (reader.GetDouble(16), reader.GetDouble(17));
                body.Append($"""
                    <dt>位置</dt>
                    <dd data-lat="{lat.ToString(CultureInfo.InvariantCulture)}" data-lng="{lng.ToString(CultureInfo.InvariantCulture)}">
                        緯度 {lat.ToString("F5", CultureInfo.InvariantCulture)} / 経度 {lng.ToString("F5", CultureInfo.InvariantCulture)}
                    </dd>
                    """);
            }
            body.Append($"""
                </dl>
                <section aria-labelledby="about">
                    <h2 id="about">紹介</h2>
                    <p class="prose">{E(reader.GetString(12))}</p>
                </section>
                <section aria-labelledby="updates">
                    <h2 id="updates">最新の活動報告</h2>
                """);
        }

        var any = false;
        var list = new StringBuilder();
        await using (var command = new SqliteCommand(LatestUpdatesSql, connection))
        {
            command.Parameters.AddWithValue("@councilId", id);
            command.Parameters.AddWithValue("@count", 10);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                any = true;
                var published = DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc);
                list.Append($"""
                    <li>
                        <time datetime="{E(TokyoTime.Iso(published))}">{TokyoTime.Format(published, Japanese)}</time>
                        <a href="/councils/{id}/updates/{reader.GetInt32(0)}">{E(reader.GetString(1))}</a>
                        <span class="meta">({E(reader.GetString(3))})</span>
                    </li>
                    """);
            }
        }
        if (!any)
            body.Append("<p>まだ公開された活動報告はありません。</p>\n");
        body.Append("<ul class=\"update-list\">\n").Append(list).Append("</ul>\n</section>\n");
        Footer(body);
        return body.ToString();
    }

    private static readonly CultureInfo Japanese = new("ja-JP");

    private static string E(string text) => Html.Encode(text);

    private static void Header(StringBuilder body, string title, string returnUrl, string head)
    {
        var escapedReturnUrl = Uri.EscapeDataString(returnUrl);
        body.Append($"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>{E(title)} | 区政協働ポータル</title>
                <link rel="stylesheet" href="/assets/theme/css/site.css" />
            {head}
            </head>
            <body>
                <a class="skip-link" href="#main">本文へ移動</a>
                <header class="site-header">
                    <div class="container header-row">
                        <a class="site-name" href="/">区政協働ポータル</a>
                        <div class="header-tools">
                            <a class="lang-switch" href="/culture?lang=en&returnUrl={escapedReturnUrl}" lang="en" hreflang="en">English</a>
                            <a href="/account/login?returnUrl={escapedReturnUrl}">職員ログイン</a>
                        </div>
                    </div>
                    <nav class="main-nav" aria-label="メインメニュー">
                        <ul class="container">
                            <li><a href="/">ホーム</a></li>
                            <li><a href="/councils">地域活動協議会</a></li>
                            <li><a href="/councils/map">地図</a></li>
                            <li><a href="/voice">地域の声</a></li>
                            <li><a href="/meetings">三者連絡会議</a></li>
                            <li><a href="/support-organisations">中間支援組織</a></li>
                            <li><a href="/taskforces">タスクフォース</a></li>
                            <li><a href="/digests/subscriptions">ダイジェスト配信</a></li>
                            <li><a href="/search">検索</a></li>
                            <li><a href="/opendata">オープンデータ</a></li>
                        </ul>
                    </nav>
                </header>
                <main id="main" class="container" tabindex="-1">

            """);
    }

    private static void Footer(StringBuilder body) => body.Append("""
            </main>
            <footer class="site-footer">
                <div class="container">
                    <p>区役所・市コミュニティ協会区支部協議会・区社会福祉協議会の三者による協働ポータル</p>
                </div>
            </footer>
        </body>
        </html>
        """);
}
