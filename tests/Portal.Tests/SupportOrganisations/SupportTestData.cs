using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.SupportOrganisations;

/// <summary>Names from recipes/default.recipe.json and small database helpers for this module's tests.</summary>
public static partial class SupportTestData
{
    public const string SupportUser = "support-1";
    public const string MachizukuriLab = "support-machizukuri-lab";   // covers 北区, 中央区…; support-1's organisation
    public const string KitaMiyakoNet = "support-kita-miyako-net";    // covers 北区
    public const string Bayside = "support-bayside";                  // does not cover 北区
    public const string YodogawaCenter = "support-yodogawa-center";   // covers 北区 but unpublished
    public const string KitaCouncil = "済美地域活動協議会";              // 北区, managed by kita-community, no choice in the recipe
    public const string KitaCouncilWithChoice = "菅北地域活動協議会";    // 北区, 2026年度 choice in the recipe

    public static async Task<T> QueryAsync<T>(this PortalTestHost host, Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = host.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public static Task<int> ProfileIdAsync(this PortalTestHost host, string organisationKey) =>
        host.QueryAsync(db => db.Set<SupportProfile>().Where(p => p.Organisation!.Key == organisationKey).Select(p => p.Id).SingleAsync());

    public static Task<SupportProfile> ProfileAsync(this PortalTestHost host, int id) =>
        host.QueryAsync(db => db.Set<SupportProfile>().AsNoTracking().Include(p => p.Wards).SingleAsync(p => p.Id == id));

    public static Task<int> CouncilIdAsync(this PortalTestHost host, string name) =>
        host.QueryAsync(db => db.Set<DistrictCouncil>().Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    public static Task<List<SupportChoice>> ChoicesAsync(this PortalTestHost host, int councilId) =>
        host.QueryAsync(db => db.Set<SupportChoice>().AsNoTracking().Where(c => c.CouncilId == councilId).ToListAsync());

    public static async Task CreateUserAsync(this PortalTestHost host, string userName, string role, string organisationKey)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var organisationId = await db.Organisations.Where(o => o.Key == organisationKey).Select(o => o.Id).SingleAsync();
        var user = new PortalUser { UserName = userName, Email = userName + "@test.example.jp", EmailConfirmed = true, OrganisationId = organisationId };
        Assert.True((await users.CreateAsync(user, TestUsers.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>The value of a hidden input (e.g. Input.Version) in a rendered form.</summary>
    public static string HiddenValue(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No hidden field {name}.");
    }

    public static string RecordUrl(int councilId, int year) => $"/staff/support-choices/councils/{councilId}?year={year}";

    public static string RecordPostUrl(int councilId) => $"/staff/support-choices/councils/{councilId}";
}
