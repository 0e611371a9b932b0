namespace Portal.Tests.Infrastructure;

/// <summary>A form page fetched at one moment: its HTML and the antiforgery token it carried.</summary>
public sealed record OpenForm(string Url, string Html, string Token)
{
    public string Value(string inputName) => PortalClient.InputValue(Html, inputName);
}
