using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Modules.JointMeetings.Models;
using Portal.Tests.Infrastructure;
using static Portal.Tests.JointMeetings.MeetingTestData;

namespace Portal.Tests.Hardening;

/// <summary>
/// A create form restored with Back, changed and sent again carries the key it was first saved with. That send is not a
/// repeat: it saves nothing, says so, and gives the form a fresh key, so the next send saves the changed content.
/// </summary>
public class ChangedResendTests
{
    [Fact]
    public async Task A_saved_form_sent_again_with_other_content_is_refused_and_the_fresh_form_saves_it()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var staff = host.CreateClient();
        await staff.LoginAsync(TestUsers.KitaWard);
        var partners = await KitaPartnerIdsAsync(host);
        var form = await staff.OpenFormAsync("/staff/meetings/edit");
        var firstKey = form.Value(PortalClient.SubmissionKeyField);

        var first = await staff.PostFormAsync(form, MeetingForm("戻って直す前の会議", "2027-01-20T14:00", "2027-01-20T16:00", partners));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var repeat = await staff.PostFormAsync(form, MeetingForm("戻って直す前の会議", "2027-01-20T14:00", "2027-01-20T16:00", partners));
        Assert.Equal(first.Headers.Location, repeat.Headers.Location); // the same content again is the same save

        var changed = await staff.PostFormAsync(form, MeetingForm("戻って直した会議", "2027-01-20T14:00", "2027-01-20T16:00", partners));
        var page = await changed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Contains("このフォームはすでに送信され、保存されています。", page);
        var freshKey = PortalClient.InputValue(page, PortalClient.SubmissionKeyField);
        Assert.NotEqual(firstKey, freshKey);
        Assert.Equal(0, await host.QueryAsync(db => db.Set<Meeting>().CountAsync(m => m.Title == "戻って直した会議")));

        var resent = await staff.PostFormAsync(new OpenForm(form.Url, page, PortalClient.AntiforgeryToken(page)),
            MeetingForm("戻って直した会議", "2027-01-20T14:00", "2027-01-20T16:00", partners));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.NotEqual(first.Headers.Location, resent.Headers.Location);
        Assert.Equal(1, await host.QueryAsync(db => db.Set<Meeting>().CountAsync(m => m.Title == "戻って直した会議")));
        Assert.Equal(1, await host.QueryAsync(db => db.Set<Meeting>().CountAsync(m => m.Title == "戻って直す前の会議")));
    }
}
