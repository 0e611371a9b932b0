using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Data;
using Portal.Core.Security;
using Portal.Modules.DistrictCouncils.Models;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// What a site set up by recipes/default.recipe.json holds, checked against the recipe file itself; shared by
/// the SQLite and PostgreSQL tests so both providers are held to the same expectations.
/// </summary>
public static class SiteExpectations
{
    public static async Task AssertDefaultRecipeSetUpAsync(PortalTestHost host)
    {
        var recipe = PortalData.DefaultRecipe();

        // Wards: the 24 wards of Osaka, in recipe order.
        var wardCodes = recipe.Step("wards").GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToList();
        var wards = await host.QueryAsync(db => db.Wards.OrderBy(w => w.SortOrder).ToListAsync());
        Assert.Equal(24, wards.Count);
        Assert.Equal(wardCodes, wards.Select(w => w.Code));
        Assert.Equal(("北区", "Kita"), wards.Where(w => w.Code == PortalData.KitaWard).Select(w => (w.Name, w.NameEn)).Single());

        // Organisations: every one in the recipe, and the three partners in each ward.
        var organisations = await host.QueryAsync(db => db.Organisations.Include(o => o.Ward).ToListAsync());
        Assert.Equal(recipe.Step("organisations").GetProperty("organisations").GetArrayLength(), organisations.Count);
        foreach (var item in recipe.Step("organisations").GetProperty("organisations").EnumerateArray())
        {
            var stored = organisations.Single(o => o.Key == item.GetProperty("key").GetString());
            Assert.Equal(item.GetProperty("kind").GetString(), stored.Kind.ToString());
            Assert.Equal(item.TryGetProperty("ward", out var w) ? w.GetString() : null, stored.Ward?.Code);
        }
        var partnerKinds = new[] { OrganisationKind.WardOffice, OrganisationKind.CommunityAssociationBranch, OrganisationKind.SocialWelfareCouncil };
        Assert.All(wards, w => Assert.Equal(partnerKinds, organisations.Where(o => o.WardId == w.Id && partnerKinds.Contains(o.Kind)).Select(o => o.Kind).Order()));

        // Roles carry exactly their permissions as role claims.
        var roleClaims = await host.QueryAsync(db => db.Roles
            .Select(r => new { r.Name, Permissions = db.RoleClaims.Where(c => c.RoleId == r.Id && c.ClaimType == Permission.ClaimType).Select(c => c.ClaimValue!).ToList() })
            .ToListAsync());
        var recipeRoles = recipe.Step("roles").GetProperty("roles").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).Order().ToList());
        Assert.Subset(recipeRoles.Keys.ToHashSet(), PortalRoles.All.ToHashSet());
        Assert.Equal(recipeRoles.Keys.Order(), roleClaims.Select(r => r.Name!).Order());
        foreach (var role in roleClaims)
            Assert.Equal(recipeRoles[role.Name!], role.Permissions.Order());
        Assert.Contains("PostCouncilUpdates", recipeRoles[PortalRoles.WardStaff]);
        Assert.Equal(["ManageCouncilProfiles", "PostCouncilUpdates"], recipeRoles[PortalRoles.CommunityAssociationStaff].Where(p => p.Contains("Council")).Order());
        Assert.Empty(recipeRoles[PortalRoles.Administrator]);

        // Users: in their roles and organisations.
        var users = await host.QueryAsync(db => db.Users
            .Select(u => new
            {
                u.UserName,
                Organisation = u.Organisation == null ? null : u.Organisation.Key,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                HasPassword = u.PasswordHash != null,
            })
            .ToListAsync());
        var expectedUsers = recipe.Step("users").GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(expectedUsers.Count, users.Count);
        foreach (var item in expectedUsers)
        {
            var user = users.Single(u => u.UserName == item.GetProperty("userName").GetString());
            Assert.Equal(item.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(), user.Roles.Order());
            Assert.Equal(item.TryGetProperty("organisation", out var o) ? o.GetString() : null, user.Organisation);
            Assert.True(user.HasPassword);
        }

        // Councils and updates.
        var councilItems = recipe.Step("districtCouncils").GetProperty("councils").EnumerateArray().ToList();
        var updateItems = councilItems.SelectMany(c => c.TryGetProperty("updates", out var u) ? u.EnumerateArray() : Enumerable.Empty<JsonElement>()).ToList();
        var councils = await host.QueryAsync(db => db.Set<DistrictCouncil>()
            .Select(c => new { c.Name, Ward = c.Ward!.Code, Manager = c.ManagingOrganisation!.Key, c.IsPublished, Updates = c.Updates.Count })
            .ToListAsync());
        Assert.Equal(72, councils.Count);
        Assert.All(wards, w => Assert.Equal(3, councils.Count(c => c.Ward == w.Code)));
        Assert.Equal([(PortalData.UnpublishedCouncilName, PortalData.ChuoWard)], councils.Where(c => !c.IsPublished).Select(c => (c.Name, c.Ward)));
        foreach (var item in councilItems)
        {
            var council = councils.Single(c => c.Name == item.GetProperty("name").GetString() && c.Ward == item.GetProperty("ward").GetString());
            Assert.Equal(item.GetProperty("managedBy").GetString(), council.Manager);
            Assert.Equal(item.TryGetProperty("updates", out var u) ? u.GetArrayLength() : 0, council.Updates);
        }
        var kita = councils.Where(c => c.Ward == PortalData.KitaWard).ToList();
        Assert.All(kita, c => Assert.Equal("kita-community", c.Manager));

        var updates = await host.QueryAsync(db => db.Set<CouncilUpdate>()
            .Select(u => new { u.Status, u.PublishedUtc, Revisions = u.Revisions.Count }).ToListAsync());
        Assert.True(updates.Count > 72, "Each ward's first council has several updates.");
        Assert.Equal(updateItems.Count, updates.Count);
        var publishedInRecipe = updateItems.Count(u => u.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String);
        Assert.Equal(publishedInRecipe, updates.Count(u => u.Status == UpdateStatus.Published && u.PublishedUtc != null));
        Assert.Contains(updates, u => u.Status == UpdateStatus.Draft && u.PublishedUtc == null);
        Assert.All(updates, u => Assert.Equal(1, u.Revisions));

        var features = recipe.Step("feature").GetProperty("enable").EnumerateArray().Select(f => f.GetString()!).Order();
        Assert.Equal(features, (await host.QueryAsync(db => db.EnabledFeatures.Select(f => f.Name).ToListAsync())).Order());
        Assert.Equal(["default"], await host.QueryAsync(db => db.RecipeExecutions.Select(r => r.RecipeName).ToListAsync()));
    }

    /// <summary>Row counts of every table a recipe writes: equal before and after a restart means nothing was duplicated.</summary>
    public static Task<Dictionary<string, int>> CountRowsAsync(PortalTestHost host) => host.QueryAsync(async db => new Dictionary<string, int>
    {
        ["wards"] = await db.Wards.CountAsync(),
        ["organisations"] = await db.Organisations.CountAsync(),
        ["roles"] = await db.Roles.CountAsync(),
        ["roleClaims"] = await db.RoleClaims.CountAsync(),
        ["users"] = await db.Users.CountAsync(),
        ["userRoles"] = await db.UserRoles.CountAsync(),
        ["councils"] = await db.Set<DistrictCouncil>().CountAsync(),
        ["updates"] = await db.Set<CouncilUpdate>().CountAsync(),
        ["revisions"] = await db.Set<CouncilUpdateRevision>().CountAsync(),
        ["features"] = await db.EnabledFeatures.CountAsync(),
        ["recipeExecutions"] = await db.RecipeExecutions.CountAsync(),
    });
}
