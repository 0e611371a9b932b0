using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Portal.Core.Data;

/// <summary>A ward (区) of the city, identified by its national local-government code.</summary>
public class Ward
{
    public int Id { get; set; }

    [MaxLength(6)]
    public required string Code { get; set; }

    [MaxLength(50)]
    public required string Name { get; set; }

    [MaxLength(80)]
    public required string NameEn { get; set; }

    public int SortOrder { get; set; }
}

public enum OrganisationKind
{
    WardOffice = 1,
    CommunityAssociationBranch = 2,
    SocialWelfareCouncil = 3,
    IntermediarySupport = 4,
}

/// <summary>One of the partners: staff belong to exactly one, and may change only its content.</summary>
public class Organisation
{
    public int Id { get; set; }

    /// <summary>Stable key used by recipes and URLs, e.g. "kita-ward-office".</summary>
    [MaxLength(80)]
    public required string Key { get; set; }

    [MaxLength(120)]
    public required string Name { get; set; }

    [MaxLength(160)]
    public required string NameEn { get; set; }

    public OrganisationKind Kind { get; set; }

    public int? WardId { get; set; }
    public Ward? Ward { get; set; }
}

public class PortalUser : IdentityUser
{
    [MaxLength(100)]
    public string DisplayName { get; set; } = "";

    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
}

public class PortalRole : IdentityRole
{
    public PortalRole() { }
    public PortalRole(string name) : base(name) { }
}

public class EnabledFeature
{
    [MaxLength(100)]
    public required string Name { get; set; }
    public DateTime EnabledUtc { get; set; }
}

/// <summary>A recipe that has run on this site; the unique name stops two nodes from setting up twice.</summary>
public class RecipeExecution
{
    public int Id { get; set; }

    [MaxLength(100)]
    public required string RecipeName { get; set; }

    public DateTime ExecutedUtc { get; set; }
}

/// <summary>Rows whose edits must not silently overwrite each other: the version changes on every save.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>
/// A create form that was saved: the user, the form and the one-time key it was rendered with (unique together), and
/// what it created, so a second send of the same form is answered as the first was instead of creating a second row.
/// </summary>
public class FormSubmission
{
    public long Id { get; set; }

    [MaxLength(450)]
    public required string UserId { get; set; }

    [MaxLength(100)]
    public required string Form { get; set; }

    public Guid Key { get; set; }

    /// <summary>The form's own record of what it created (usually the new row's id).</summary>
    [MaxLength(200)]
    public required string Result { get; set; }

    /// <summary>SHA-256 (hex) of the fields sent: the same key sent again with other content is not a repeat.</summary>
    [MaxLength(64)]
    public string Fingerprint { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
