using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Portal.Core;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.DistrictCouncils.Services;

namespace Portal.Modules.DistrictCouncils.Api;

/// <summary>
/// Atom 1.0 (RFC 4287) feeds of published council updates, per ward and for all wards. Written with XmlWriter:
/// System.ServiceModel.Syndication is not part of the shared framework.
/// </summary>
public static class CouncilFeeds
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const int MaxEntries = 50;
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static string WardFeedPath(string wardCode) => $"/councils/feeds/ward/{wardCode}.atom";
    public const string AllWardsFeedPath = "/councils/feeds/updates.atom";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AllWardsFeedPath, async (CouncilQueries queries, IStringLocalizer<Strings> T,
            IConfiguration configuration, PublicBaseUrl site, TimeProvider clock, CancellationToken ct) =>
        {
            var updates = await queries.FeedUpdatesAsync(null, MaxEntries, ct);
            var feed = new FeedInfo(
                TagAuthority: TagAuthority(site, configuration),
                Specific: "councils/updates",
                Title: T["地域活動協議会の更新情報"].Value,
                SelfPath: AllWardsFeedPath,
                AlternatePath: CouncilPaths.List);
            return Atom(Write(feed, updates, site, clock));
        });

        endpoints.MapGet("/councils/feeds/ward/{wardCode}.atom", async (string wardCode, CouncilQueries queries,
            IStringLocalizer<Strings> T, IConfiguration configuration, PublicBaseUrl site, TimeProvider clock, CancellationToken ct) =>
        {
            var ward = wardCode.Length <= 6 ? await queries.FindWardAsync(wardCode, ct) : null;
            if (ward is null)
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown ward", detail: $"No ward has the code '{wardCode}'.");

            var updates = await queries.FeedUpdatesAsync(ward.Id, MaxEntries, ct);
            var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            var feed = new FeedInfo(
                TagAuthority: TagAuthority(site, configuration),
                Specific: $"councils/ward/{ward.Code}/updates",
                Title: T["{0}の地域活動協議会の更新情報", en ? ward.NameEn : ward.Name].Value,
                SelfPath: WardFeedPath(ward.Code),
                AlternatePath: CouncilPaths.Ward(ward.Code));
            return Atom(Write(feed, updates, site, clock));
        });
    }

    private sealed record FeedInfo(string TagAuthority, string Specific, string Title, string SelfPath, string AlternatePath)
    {
        public string Id => Tag(Specific);

        /// <summary>A tag: URI (RFC 4151); an update keeps the same id in the ward feed and the all-wards feed.</summary>
        public string Tag(string specific) => $"tag:{TagAuthority},2026:{specific}";
    }

    private static IResult Atom(string xml) => Results.Text(xml, ContentType, Encoding.UTF8);

    /// <summary>
    /// The authority of the feeds' tag: URIs, so ids stay the same whatever address the feed is read at:
    /// Portal:Feeds:TagAuthority (a domain the city owns), else the host of the site's public base URL.
    /// </summary>
    private static string TagAuthority(PublicBaseUrl site, IConfiguration configuration)
    {
        var authority = configuration["Portal:Feeds:TagAuthority"];
        return string.IsNullOrWhiteSpace(authority) ? site.Host : authority.Trim();
    }

    private static string Write(FeedInfo feed, IReadOnlyList<CouncilUpdate> updates, PublicBaseUrl site, TimeProvider clock)
    {
        // Atom requires <updated>: the newest entry's, or now for a feed with no entries yet.
        var feedUpdated = updates.Count > 0 ? updates.Max(Updated) : clock.GetUtcNow().UtcDateTime;
        var en = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

        var output = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var xml = XmlWriter.Create(new Utf8StringWriter(output), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteAttributeString("xml", "lang", null, en ? "en" : "ja");
            xml.WriteElementString("id", AtomNamespace, feed.Id);
            WriteText(xml, "title", feed.Title);
            xml.WriteElementString("updated", AtomNamespace, Rfc3339(feedUpdated));
            WriteLink(xml, "self", site.Absolute(feed.SelfPath), "application/atom+xml");
            WriteLink(xml, "alternate", site.Absolute(feed.AlternatePath), "text/html");

            foreach (var update in updates)
            {
                var council = update.Council!;
                var organisation = update.Organisation!;
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, feed.Tag($"councils/updates/{update.Id}"));
                WriteText(xml, "title", update.Title);
                WriteLink(xml, "alternate", site.Absolute($"/councils/{council.Id}/updates/{update.Id}"), "text/html");
                xml.WriteElementString("published", AtomNamespace, Rfc3339(update.PublishedUtc!.Value));
                xml.WriteElementString("updated", AtomNamespace, Rfc3339(Updated(update)));
                xml.WriteStartElement("author", AtomNamespace);
                xml.WriteElementString("name", AtomNamespace, XmlText(en ? organisation.NameEn : organisation.Name));
                xml.WriteEndElement();
                xml.WriteStartElement("category", AtomNamespace);
                xml.WriteAttributeString("term", council.Ward!.Code);
                xml.WriteAttributeString("label", XmlText(en ? council.Ward.NameEn : council.Ward.Name));
                xml.WriteEndElement();
                WriteText(xml, "summary", council.Name);
                // The body was sanitised by RichText when it was saved; escaped here as type="html" requires.
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(XmlText(update.Body));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return output.ToString();
    }

    /// <summary>An update edited after publication carries its edit time; otherwise its publication time.</summary>
    private static DateTime Updated(CouncilUpdate update) =>
        update.ModifiedUtc > update.PublishedUtc!.Value ? update.ModifiedUtc : update.PublishedUtc.Value;

    /// <summary>RFC 3339 in Tokyo time: 2026-11-10T14:00:00+09:00.</summary>
    private static string Rfc3339(DateTime utc) => Portal.Core.Time.TokyoTime.Iso(utc);

    private static void WriteText(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement(name, AtomNamespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(XmlText(value));
        xml.WriteEndElement();
    }

    /// <summary>
    /// The text without the characters XML 1.0 cannot carry (C0 controls, U+FFFE, U+FFFF, lone surrogates): stored text
    /// that has one (from before input was cleaned, or from a recipe) would otherwise make XmlWriter throw and the whole
    /// feed answer 500.
    /// </summary>
    internal static string XmlText(string value)
    {
        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsSurrogatePair(value, i))
                text.Append(value, i++, 2);
            else if (XmlConvert.IsXmlChar(value[i]))
                text.Append(value[i]);
        }
        return text.Length == value.Length ? value : text.ToString();
    }

    private static void WriteLink(XmlWriter xml, string rel, Uri href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href.AbsoluteUri);
        xml.WriteEndElement();
    }

    /// <summary>Makes the XML declaration say UTF-8 (a plain StringWriter says UTF-16).</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
