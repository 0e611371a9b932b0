namespace Portal.Modules.SupportOrganisations.Models;

/// <summary>A website link residents can safely follow: an absolute http or https address.</summary>
public static class WebsiteUrl
{
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
