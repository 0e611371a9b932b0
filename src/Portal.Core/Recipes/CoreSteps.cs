using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Data;
using Portal.Core.Modules;
using Portal.Core.Security;

namespace Portal.Core.Recipes;

/// <summary>
/// {"name":"feature","enable":["SupportOrganisations"],"disable":["Digests"]}: enabling a module enables what it depends on,
/// disabling one disables what depends on it (<see cref="FeatureState.UpdateAsync"/>).
/// </summary>
public sealed class FeatureStep(FeatureState features) : IRecipeStepHandler
{
    public string StepName => "feature";

    public Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<Model>();
        return features.UpdateAsync(context.Db, model.Enable ?? [], model.Disable ?? [], context.NowUtc, cancellationToken);
    }

    private sealed record Model(List<string>? Enable, List<string>? Disable);
}

/// <summary>{"name":"wards","wards":[{"code":"27127","name":"北区","nameEn":"Kita"}]}; existing codes are updated.</summary>
public sealed class WardsStep : IRecipeStepHandler
{
    public string StepName => "wards";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var model = context.Read<Model>();
        var order = 0;
        foreach (var item in model.Wards)
        {
            var ward = await context.Db.Wards.FirstOrDefaultAsync(w => w.Code == item.Code, cancellationToken);
            if (ward is null)
                context.Db.Wards.Add(ward = new Ward { Code = item.Code, Name = item.Name, NameEn = item.NameEn });
            ward.Name = item.Name;
            ward.NameEn = item.NameEn;
            ward.SortOrder = ++order;
        }
    }

    private sealed record Item(string Code, string Name, string NameEn);
    private sealed record Model(List<Item> Wards);
}

/// <summary>{"name":"organisations","organisations":[{"key":"kita-ward-office","name":"北区役所","nameEn":"...","kind":"WardOffice","ward":"27127"}]}</summary>
public sealed class OrganisationsStep : IRecipeStepHandler
{
    public string StepName => "organisations";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        foreach (var item in context.Read<Model>().Organisations)
        {
            int? wardId = null;
            if (item.Ward is not null)
            {
                wardId = await db.Wards.Where(w => w.Code == item.Ward).Select(w => (int?)w.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new RecipeException($"Organisation '{item.Key}': unknown ward '{item.Ward}'.");
            }
            var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Key == item.Key, cancellationToken);
            if (organisation is null)
                db.Organisations.Add(organisation = new Organisation { Key = item.Key, Name = item.Name, NameEn = item.NameEn });
            organisation.Name = item.Name;
            organisation.NameEn = item.NameEn;
            organisation.Kind = item.Kind;
            organisation.WardId = wardId;
        }
    }

    private sealed record Item(string Key, string Name, string NameEn, OrganisationKind Kind, string? Ward);
    private sealed record Model(List<Item> Organisations);
}

/// <summary>{"name":"roles","roles":[{"name":"WardStaff","permissions":["ManageMeetings"]}]}; the permission list is replaced.</summary>
public sealed class RolesStep(ModuleCatalog catalog) : IRecipeStepHandler
{
    public string StepName => "roles";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var roleManager = context.Services.GetRequiredService<RoleManager<PortalRole>>();
        var known = catalog.AllPermissions.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var item in context.Read<Model>().Roles)
        {
            var unknown = item.Permissions.Where(p => !known.Contains(p)).ToList();
            if (unknown.Count > 0)
                throw new RecipeException($"Role '{item.Name}': unknown permissions {string.Join(", ", unknown)}.");

            var role = await roleManager.FindByNameAsync(item.Name);
            if (role is null)
            {
                role = new PortalRole(item.Name);
                Check(await roleManager.CreateAsync(role), item.Name);
            }
            foreach (var claim in (await roleManager.GetClaimsAsync(role)).Where(c => c.Type == Permission.ClaimType))
                Check(await roleManager.RemoveClaimAsync(role, claim), item.Name);
            foreach (var permission in item.Permissions.Distinct())
                Check(await roleManager.AddClaimAsync(role, new Claim(Permission.ClaimType, permission)), item.Name);
        }
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded)
            throw new RecipeException($"Role '{role}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private sealed record Item(string Name, List<string> Permissions);
    private sealed record Model(List<Item> Roles);
}

/// <summary>{"name":"users","users":[{"userName":"...","email":"...","password":"...","displayName":"...","roles":[...],"organisation":"key"}]}</summary>
public sealed class UsersStep : IRecipeStepHandler
{
    public string StepName => "users";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var userManager = context.Services.GetRequiredService<UserManager<PortalUser>>();
        foreach (var item in context.Read<Model>().Users)
        {
            int? organisationId = null;
            if (item.Organisation is not null)
            {
                organisationId = await context.Db.Organisations.Where(o => o.Key == item.Organisation)
                        .Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new RecipeException($"User '{item.UserName}': unknown organisation '{item.Organisation}'.");
            }
            if (await userManager.FindByNameAsync(item.UserName) is not null)
                continue;

            var user = new PortalUser
            {
                UserName = item.UserName,
                Email = item.Email,
                EmailConfirmed = true,
                DisplayName = item.DisplayName ?? item.UserName,
                OrganisationId = organisationId,
            };
            Check(await userManager.CreateAsync(user, item.Password), item.UserName);
            if (item.Roles.Count > 0)
                Check(await userManager.AddToRolesAsync(user, item.Roles), item.UserName);
        }
    }

    private static void Check(IdentityResult result, string user)
    {
        if (!result.Succeeded)
            throw new RecipeException($"User '{user}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private sealed record Item(string UserName, string Email, string Password, string? DisplayName, List<string> Roles, string? Organisation);
    private sealed record Model(List<Item> Users);
}
