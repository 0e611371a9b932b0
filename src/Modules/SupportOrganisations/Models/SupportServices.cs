namespace Portal.Modules.SupportOrganisations.Models;

/// <summary>The kinds of help an intermediary support organisation offers councils; stored as flags.</summary>
[Flags]
public enum SupportServices
{
    None = 0,
    AccountingAndAdministration = 1,
    PublicRelations = 2,
    LeadershipDevelopment = 4,
    BusinessPlanning = 8,
    ResourceCoordination = 16,
    IncorporationAndCertification = 32,
}

public static class SupportServiceLabels
{
    public static readonly IReadOnlyList<SupportServices> All =
    [
        SupportServices.AccountingAndAdministration, SupportServices.PublicRelations, SupportServices.LeadershipDevelopment,
        SupportServices.BusinessPlanning, SupportServices.ResourceCoordination, SupportServices.IncorporationAndCertification,
    ];

    /// <summary>The Japanese label, which is also the localisation key.</summary>
    public static string Japanese(SupportServices service) => service switch
    {
        SupportServices.AccountingAndAdministration => "会計・事務支援",
        SupportServices.PublicRelations => "広報支援",
        SupportServices.LeadershipDevelopment => "担い手育成",
        SupportServices.BusinessPlanning => "事業計画づくり",
        SupportServices.ResourceCoordination => "地域資源のコーディネート",
        SupportServices.IncorporationAndCertification => "法人化・認定支援",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a single support service."),
    };

    public static IEnumerable<SupportServices> Split(SupportServices services) => All.Where(s => services.HasFlag(s));

    public static SupportServices Combine(IEnumerable<SupportServices> services) =>
        services.Aggregate(SupportServices.None, (all, s) => all | s);

    public static bool TryParseOne(string? value, out SupportServices service)
    {
        service = SupportServices.None;
        return value is not null
            && Enum.TryParse(value, ignoreCase: true, out service)
            && All.Contains(service);
    }
}
