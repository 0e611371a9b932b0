using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Tests.Infrastructure;

/// <summary>Lookups of the demo data of recipes/default.recipe.json, read from the database of a running host.</summary>
public static class PortalData
{
    public const string KitaWard = "27127";
    public const string ChuoWard = "27128";
    /// <summary>The first 北区 council, managed by kita-community, with updates by kita-community and kita-welfare.</summary>
    public const string KitaCouncilName = "菅北地域活動協議会";
    /// <summary>The unpublished council of 中央区, managed by chuo-community.</summary>
    public const string UnpublishedCouncilName = "南地域活動協議会";

    public static string TestRecipesPath => Path.Combine(AppContext.BaseDirectory, "test-recipes");
    public static string DefaultRecipePath => Path.Combine(AppContext.BaseDirectory, "recipes", "default.recipe.json");

    public static Task<DistrictCouncil> KitaCouncilAsync(this PortalTestHost host) =>
        host.QueryAsync(db => db.Set<DistrictCouncil>().Include(c => c.Ward).SingleAsync(c => c.Name == KitaCouncilName && c.Ward!.Code == KitaWard));

    public static Task<DistrictCouncil> UnpublishedCouncilAsync(this PortalTestHost host) =>
        host.QueryAsync(db => db.Set<DistrictCouncil>().Include(c => c.Ward).SingleAsync(c => c.Name == UnpublishedCouncilName && c.Ward!.Code == ChuoWard));

    public static Task<Organisation> OrganisationAsync(this PortalTestHost host, string key) =>
        host.QueryAsync(db => db.Organisations.SingleAsync(o => o.Key == key));

    /// <summary>A published update on <paramref name="councilId"/> owned by the organisation <paramref name="organisationKey"/>.</summary>
    public static Task<CouncilUpdate> PublishedUpdateAsync(this PortalTestHost host, int councilId, string organisationKey) =>
        host.QueryAsync(db => db.Set<CouncilUpdate>()
            .Where(u => u.CouncilId == councilId && u.Status == UpdateStatus.Published && u.Organisation!.Key == organisationKey)
            .OrderBy(u => u.Id).FirstAsync());

    public static Task<CouncilUpdate> UpdateAsync(this PortalTestHost host, int id) =>
        host.QueryAsync(db => db.Set<CouncilUpdate>().SingleAsync(u => u.Id == id));

    public static Task<DistrictCouncil> CouncilAsync(this PortalTestHost host, int id) =>
        host.QueryAsync(db => db.Set<DistrictCouncil>().Include(c => c.Ward).SingleAsync(c => c.Id == id));

    public static Task<int> UpdateCountAsync(this PortalTestHost host) =>
        host.QueryAsync(db => db.Set<CouncilUpdate>().CountAsync());

    public static Task<int> RevisionCountAsync(this PortalTestHost host) =>
        host.QueryAsync(db => db.Set<CouncilUpdateRevision>().CountAsync());

    /// <summary>The council form's fields as the edit page would post them, from the stored council.</summary>
    public static List<KeyValuePair<string, string>> CouncilForm(DistrictCouncil c, Action<Dictionary<string, string>>? change = null)
    {
        var single = new Dictionary<string, string>
        {
            ["Input.Name"] = c.Name,
            ["Input.WardCode"] = c.Ward!.Code,
            ["Input.Area"] = c.Area,
            ["Input.Description"] = c.Description,
            ["Input.ContactName"] = c.ContactName,
            ["Input.ContactPhone"] = c.ContactPhone,
            ["Input.ContactEmail"] = c.ContactEmail,
            ["Input.Latitude"] = c.Latitude?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.Longitude"] = c.Longitude?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Input.IsPublished"] = c.IsPublished ? "true" : "false",
            ["Input.Version"] = c.Version.ToString(),
        };
        change?.Invoke(single);
        var fields = single.Select(kv => KeyValuePair.Create(kv.Key, kv.Value)).ToList();
        if (!single.ContainsKey("Input.Fields"))
            fields.AddRange(ActivityFieldLabelsOf(c).Select(f => KeyValuePair.Create("Input.Fields", f)));
        return fields;
    }

    private static IEnumerable<string> ActivityFieldLabelsOf(DistrictCouncil c) =>
        FlagSet<ActivityFields>.Split(c.Fields).Select(f => f.ToString());

    public static List<KeyValuePair<string, string>> UpdateForm(string title, string body, Guid version, string intent) =>
    [
        new("Input.Title", title),
        new("Input.Body", body),
        new("Input.Version", version.ToString()),
        new("intent", intent),
    ];

    /// <summary>The path a redirect points to (Location may be absolute or relative).</summary>
    public static string RedirectPath(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    /// <summary>Asserts a problem+json answer with the given status and returns the parsed document.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document.RootElement.Clone();
    }

    /// <summary>The default recipe as JSON, to derive expectations from the recipe itself rather than from copies of its numbers.</summary>
    public static JsonElement DefaultRecipe()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(DefaultRecipePath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.Clone();
    }

    public static JsonElement Step(this JsonElement recipe, string name) =>
        recipe.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
}
