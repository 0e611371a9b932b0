using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.CommunityVoice.Models;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.CommunityVoice;

public class VoiceSettingsTests
{
    private const string Url = "/staff/voice/settings";

    [Fact]
    public async Task Administrators_add_statuses_and_categories_that_items_can_then_use()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);

        var status = await admin.SubmitFormAsync(Url, [new("NewStatusName", "一部対応済み"), new("IsClosed", "true"), new("IsPublicResponse", "true")], Url + "?handler=Status");
        var category = await admin.SubmitFormAsync(Url, [new("NewCategoryName", "防犯")], Url + "?handler=Category");
        Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, category.StatusCode);

        var added = await host.WithDbAsync(db => db.Set<VoiceStatus>().SingleAsync(s => s.Name == "一部対応済み"));
        Assert.True(added is { IsClosed: true, IsPublicResponse: true });
        Assert.Equal(7, added.SortOrder);

        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        var item = await host.RaiseAsync(ward, "防犯", "夜道の防犯カメラを増やしてほしい");
        Assert.Equal("受付", item.Status!.Name); // the first status still receives new items
        Assert.Equal(HttpStatusCode.Redirect, (await host.HandleAsync(ward, item.Id, "防犯", "一部対応済み", response: "2台増設しました。")).StatusCode);
        Assert.NotNull((await host.ItemAsync(item.Id)).ResponsePublishedUtc);
    }

    [Fact]
    public async Task Settings_refuse_bad_input_and_non_administrators()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        var before = await host.WithDbAsync(db => db.Set<VoiceStatus>().CountAsync());

        var openButPublic = await admin.SubmitFormAsync(Url, [new("NewStatusName", "途中回答"), new("IsPublicResponse", "true")], Url + "?handler=Status");
        Assert.Contains("回答を公開する状況は、対応を終える状況にしてください。", await openButPublic.Content.ReadAsStringAsync());
        var duplicate = await admin.SubmitFormAsync(Url, [new("NewStatusName", "受付")], Url + "?handler=Status");
        Assert.Contains("「受付」はすでに登録されています。", await duplicate.Content.ReadAsStringAsync());
        var tooLong = await admin.SubmitFormAsync(Url, [new("NewCategoryName", new string('分', 51))], Url + "?handler=Category");
        Assert.Contains("名前は50文字以内で入力してください。", await tooLong.Content.ReadAsStringAsync());
        var notBool = await admin.SubmitFormAsync(Url, [new("NewStatusName", "保留"), new("IsClosed", "maybe")], Url + "?handler=Status");
        Assert.Equal(HttpStatusCode.OK, notBool.StatusCode);

        using var ward = host.CreateClient();
        await ward.LoginAsync(TestUsers.KitaWard);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync(Url)).StatusCode);
        var forbidden = await ward.PostWithTokenFromAsync("/staff/voice", Url + "?handler=Status", [new("NewStatusName", "区独自の状況")]);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Assert.Equal(before, await host.WithDbAsync(db => db.Set<VoiceStatus>().CountAsync()));
    }
}
