namespace Portal.Tests.Infrastructure;

/// <summary>Demo accounts created by recipes/default.recipe.json.</summary>
public static class TestUsers
{
    public const string Password = "Portal-demo-2026";
    public const string Admin = "admin";
    public const string KitaWard = "kita-ward";
    public const string KitaCommunity = "kita-community";
    public const string KitaWelfare = "kita-welfare";
    public const string ChuoWard = "chuo-ward";
    public const string ChuoCommunity = "chuo-community";
    public const string ChuoWelfare = "chuo-welfare";
}
