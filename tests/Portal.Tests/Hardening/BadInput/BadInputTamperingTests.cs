using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.CommunityVoice.Models;
using Portal.Modules.DistrictCouncils.Models;
using Portal.Modules.JointMeetings.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>
/// Hidden fields that only administrators may set (the managing organisation of a council, the organiser of a meeting,
/// the ward of a voice item), tampered with by staff: the form saves, but with the staff member's own organisation and
/// ward, and nothing of the other organisation changes. And a sign-in never sends the user to another site.
/// </summary>
public class BadInputTamperingTests(CorpusSite site) : IClassFixture<CorpusSite>
{
    [Fact]
    public async Task Staff_cannot_hand_a_new_council_to_another_organisation()
    {
        var chuo = await Id("org:chuo-community");
        var before = await CountAsync<DistrictCouncil>(c => c.ManagingOrganisationId == chuo);
        var response = await PostAsync("councils.create", new() { ["Input.Name"] = "改ざんテスト協議会", ["Input.ManagingOrganisationId"] = "{org:chuo-community}" });

        var council = await site.Host.QueryAsync(db => db.Set<DistrictCouncil>().Include(c => c.Ward).SingleAsync(c => c.Name == "改ざんテスト協議会"));
        Assert.Equal($"/councils/{council.Id}", response.RedirectPath());
        Assert.Equal(await Id("org:kita-community"), council.ManagingOrganisationId);
        Assert.Equal(PortalData.KitaWard, council.Ward!.Code);
        Assert.Equal(before, await CountAsync<DistrictCouncil>(c => c.ManagingOrganisationId == chuo));
    }

    [Fact]
    public async Task Staff_cannot_hand_their_council_to_another_organisation()
    {
        var response = await PostAsync("councils.edit", new() { ["Input.ManagingOrganisationId"] = "{org:chuo-community}" });

        var council = await site.Host.KitaCouncilAsync();
        Assert.Equal($"/councils/{council.Id}", response.RedirectPath());
        Assert.Equal(await Id("org:kita-community"), council.ManagingOrganisationId);
    }

    [Theory]
    [InlineData("meetings.create")]
    [InlineData("meetings.edit")]
    public async Task Staff_cannot_organise_a_meeting_for_another_ward_office(string form)
    {
        var chuo = await Id("org:chuo-ward-office");
        var before = await CountAsync<Meeting>(m => m.OrganisingOrganisationId == chuo);
        var response = await PostAsync(form, new() { ["Input.OrganiserId"] = "{org:chuo-ward-office}", ["Input.Title"] = "改ざんテスト会議 " + form });

        var meeting = await site.Host.QueryAsync(db => db.Set<Meeting>().Include(m => m.Ward).SingleAsync(m => m.Title == "改ざんテスト会議 " + form));
        Assert.Equal($"/meetings/{meeting.Id}", response.RedirectPath());
        Assert.Equal(await Id("org:kita-ward-office"), meeting.OrganisingOrganisationId);
        Assert.Equal(PortalData.KitaWard, meeting.Ward!.Code);
        Assert.Equal(before, await CountAsync<Meeting>(m => m.OrganisingOrganisationId == chuo));
    }

    [Fact]
    public async Task Staff_cannot_record_a_voice_item_in_another_ward()
    {
        var chuoWard = await Id("ward:27128");
        var before = await CountAsync<VoiceItem>(i => i.WardId == chuoWard);
        var response = await PostAsync("voice.create", new() { ["Input.Summary"] = "改ざんテストの地域の声", ["Input.WardCode"] = PortalData.ChuoWard });

        var item = await site.Host.QueryAsync(db => db.Set<VoiceItem>().SingleAsync(i => i.Summary == "改ざんテストの地域の声"));
        Assert.Equal($"/staff/voice/{item.Id}", response.RedirectPath());
        Assert.Equal(await Id("ward:27127"), item.WardId);
        Assert.Equal(await Id("org:kita-community"), item.RaisedByOrganisationId);
        Assert.Equal(before, await CountAsync<VoiceItem>(i => i.WardId == chuoWard));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/\t/evil.example/")]
    public async Task Signing_in_never_leads_to_another_site(string returnUrl)
    {
        using var client = site.Host.CreateClient();
        var response = await client.SubmitFormAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            [new("Input.UserName", TestUsers.KitaWelfare), new("Input.Password", TestUsers.Password), new("ReturnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    public static TheoryData<int> RedirectTargets() => new(Enumerable.Range(0, ReadCorpus.RedirectTargets.Length));

    /// <summary>Signing in with each corpus return address: a local, encoded Location and a session, or a 4xx and none.</summary>
    [Theory]
    [MemberData(nameof(RedirectTargets))]
    public async Task Signing_in_with_any_return_address_lands_on_this_site_signed_in(int index)
    {
        var raw = ReadCorpus.RedirectTargets[index];
        using var client = site.Host.CreateClient();
        var response = await client.SubmitFormAsync("/account/login?ReturnUrl=" + raw,
            [new("Input.UserName", TestUsers.KitaWelfare), new("Input.Password", TestUsers.Password), new("ReturnUrl", WebUtility.UrlDecode(raw))]);
        var signedIn = (await client.GetAsync("/digests/subscriptions")).StatusCode == HttpStatusCode.OK;

        var status = (int)response.StatusCode;
        Assert.True(status is 302 or 400, $"ReturnUrl={BadInputCases.Short(raw)} answered {status}");
        if (status == 400)
        {
            Assert.False(signedIn, $"ReturnUrl={BadInputCases.Short(raw)} was refused but signed in");
            return;
        }
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.StartsWith('/') && !location.StartsWith("//") && !location.StartsWith("/\\") && location.All(c => char.IsAscii(c) && !char.IsControl(c)),
            $"ReturnUrl={BadInputCases.Short(raw)} redirected to {BadInputCases.Short(location)}");
        Assert.True(signedIn, $"ReturnUrl={BadInputCases.Short(raw)} redirected without a session");
    }

    private async Task<HttpResponseMessage> PostAsync(string form, Dictionary<string, string> values)
    {
        var spec = FormCorpus.Get(form);
        site.ForgetPages();
        var (rendered, fields) = await BadInputCases.RenderAsync(site, spec, spec.User, spec.Page, null, spec.Fill);
        foreach (var (name, value) in values)
            fields.Set(name, await site.ResolveAsync(value));
        var client = await site.ClientAsync(spec.User);
        fields.Add(new("__RequestVerificationToken", await site.TokenAsync(client, spec.User is not null)));
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, await site.ResolveAsync(rendered.Action)) { Content = new FormUrlEncodedContent(fields) });
    }

    private async Task<int> Id(string placeholder) => int.Parse(await site.LookupAsync(placeholder));

    private Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>> where) where T : class =>
        site.Host.QueryAsync(db => db.Set<T>().CountAsync(where));
}
