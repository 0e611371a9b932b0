using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Modules.SupportOrganisations.Models;
using Portal.Tests.Infrastructure;
using static Portal.Tests.SupportOrganisations.SupportTestData;

namespace Portal.Tests.SupportOrganisations;

public class SupportChoiceTests
{
    /// <summary>The test hosts' current 年度: the record form accepts the last few years, this one and the next.</summary>
    private static readonly int Year = FiscalYear.OfUtc(TestCalendar.SetupTime.UtcDateTime);

    [Theory]
    [InlineData("2027-03-31", 2026)]
    [InlineData("2027-04-01", 2027)]
    [InlineData("2026-04-01", 2026)]
    [InlineData("2027-01-15", 2026)]
    public void Fiscal_year_of_a_Tokyo_date_starts_in_April(string tokyoDate, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(DateOnly.Parse(tokyoDate)));

    [Fact]
    public void Fiscal_year_of_a_UTC_instant_follows_the_Tokyo_calendar()
    {
        // 15:00 UTC on 31 March is already midnight on 1 April in Tokyo.
        Assert.Equal(2027, FiscalYear.OfUtc(new DateTime(2027, 3, 31, 15, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(2026, FiscalYear.OfUtc(new DateTime(2027, 3, 31, 14, 59, 0, DateTimeKind.Utc)));
        Assert.Equal("2026年度", FiscalYear.Label(2026, new System.Globalization.CultureInfo("ja-JP")));
    }

    [Fact]
    public async Task Council_staff_record_a_choice_and_a_second_save_for_the_same_year_updates_the_row()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(TestUsers.KitaCommunity);
        var councilId = await host.CouncilIdAsync(KitaCouncil);
        var lab = await host.ProfileIdAsync(MachizukuriLab);
        var net = await host.ProfileIdAsync(KitaMiyakoNet);

        var first = await client.SubmitFormAsync(RecordUrl(councilId, Year),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", lab.ToString()), new("Input.Reason", "会計の支援を受けたいため。"), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var form = await client.GetStringAsync(RecordUrl(councilId, Year));
        var second = await client.SubmitFormAsync(RecordUrl(councilId, Year),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", net.ToString()), new("Input.Reason", "担い手育成を優先することにしたため。"), new("Input.Version", HiddenValue(form, "Input.Version"))]);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var choice = Assert.Single(await host.ChoicesAsync(councilId));
        Assert.Equal(Year, choice.FiscalYear);
        Assert.Equal(net, choice.ProfileId);
        Assert.Equal("担い手育成を優先することにしたため。", choice.Reason);
        Assert.Equal(TestUsers.KitaCommunity, choice.ModifiedBy);
        Assert.True(choice.ModifiedUtc >= choice.CreatedUtc);

        // Another year is another row.
        var nextYear = await client.SubmitFormAsync(RecordUrl(councilId, Year - 1),
            [new("Input.FiscalYear", (Year - 1).ToString()), new("Input.ProfileId", lab.ToString()), new("Input.Reason", "前年度の記録。"), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, nextYear.StatusCode);
        Assert.Equal(2, (await host.ChoicesAsync(councilId)).Count);
    }

    [Fact]
    public async Task A_form_rendered_before_someone_else_recorded_gets_a_conflict_and_does_not_overwrite()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var first = host.CreateClient();
        using var second = host.CreateClient();
        await first.LoginAsync(TestUsers.KitaCommunity);
        await second.LoginAsync(TestUsers.Admin);
        var councilId = await host.CouncilIdAsync(KitaCouncil);
        var lab = await host.ProfileIdAsync(MachizukuriLab);
        var net = await host.ProfileIdAsync(KitaMiyakoNet);
        var staleForm = await second.GetStringAsync(RecordUrl(councilId, Year));

        await first.SubmitFormAsync(RecordUrl(councilId, Year),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", lab.ToString()), new("Input.Reason", "先に記録した理由。"), new("Input.Version", Guid.Empty.ToString())]);
        var response = await second.PostWithTokenFromAsync("/", RecordPostUrl(councilId),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", net.ToString()), new("Input.Reason", "上書きしようとする理由。"), new("Input.Version", HiddenValue(staleForm, "Input.Version"))]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("他の人が先に記録しました", await response.Content.ReadAsStringAsync());
        var choice = Assert.Single(await host.ChoicesAsync(councilId));
        Assert.Equal(lab, choice.ProfileId);
        Assert.Equal("先に記録した理由。", choice.Reason);
    }

    [Fact]
    public async Task Missing_reason_and_organisations_outside_the_ward_are_refused_with_a_message()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(TestUsers.KitaCommunity);
        var councilId = await host.CouncilIdAsync(KitaCouncil);
        var lab = await host.ProfileIdAsync(MachizukuriLab);

        var noReason = await client.SubmitFormAsync(RecordUrl(councilId, Year),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", lab.ToString()), new("Input.Reason", "  "), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("選んだ理由を入力してください。", await noReason.Content.ReadAsStringAsync());

        var tooLong = await client.SubmitFormAsync(RecordUrl(councilId, Year),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", lab.ToString()), new("Input.Reason", new string('あ', SupportChoice.ReasonMaxLength + 1)), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Contains("選んだ理由は1000文字以内で入力してください。", await tooLong.Content.ReadAsStringAsync());

        foreach (var outside in new[] { Bayside, YodogawaCenter })
        {
            var response = await client.SubmitFormAsync(RecordUrl(councilId, Year),
                [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", (await host.ProfileIdAsync(outside)).ToString()), new("Input.Reason", "理由。"), new("Input.Version", Guid.Empty.ToString())]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("この中間支援組織は北区を対象にしていないため選べません。", await response.Content.ReadAsStringAsync());
        }

        var badYear = await client.SubmitFormAsync(RecordUrl(councilId, Year),
            [new("Input.FiscalYear", "1999"), new("Input.ProfileId", lab.ToString()), new("Input.Reason", "理由。"), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Contains("年度を選択してください。", await badYear.Content.ReadAsStringAsync());

        var notANumber = await client.SubmitFormAsync(RecordUrl(councilId, Year),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", "abc"), new("Input.Reason", "理由。"), new("Input.Version", Guid.Empty.ToString())]);
        Assert.Equal(HttpStatusCode.OK, notANumber.StatusCode);

        Assert.Empty(await host.ChoicesAsync(councilId));
    }

    [Theory]
    [InlineData(TestUsers.ChuoCommunity)]   // manages other councils
    [InlineData(TestUsers.KitaWelfare)]     // same ward, no ManageCouncilProfiles
    [InlineData(TestUsers.KitaWard)]
    [InlineData(SupportUser)]
    public async Task Other_organisations_cannot_record_a_choice_and_nothing_is_saved(string userName)
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(userName);
        var councilId = await host.CouncilIdAsync(KitaCouncil);
        var lab = await host.ProfileIdAsync(MachizukuriLab);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(RecordUrl(councilId, Year))).StatusCode);
        var post = await client.PostWithTokenFromAsync("/", RecordPostUrl(councilId),
            [new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", lab.ToString()), new("Input.Reason", "理由。"), new("Input.Version", Guid.Empty.ToString())]);

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Empty(await host.ChoicesAsync(councilId));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_login_and_administrators_may_record()
    {
        await using var host = await PortalTestHost.StartAsync();
        var councilId = await host.CouncilIdAsync(KitaCouncil);
        var lab = await host.ProfileIdAsync(MachizukuriLab);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.FiscalYear", Year.ToString()), new("Input.ProfileId", lab.ToString()), new("Input.Reason", "理由。"), new("Input.Version", Guid.Empty.ToString()),
        };

        using (var anonymous = host.CreateClient())
        {
            var get = await anonymous.GetAsync(RecordUrl(councilId, Year));
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.StartsWith("/account/login", get.Headers.Location!.OriginalString.Replace(host.BaseAddress.ToString(), "/"));
            var post = await anonymous.PostWithTokenFromAsync("/account/login", RecordPostUrl(councilId), fields);
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Empty(await host.ChoicesAsync(councilId));
        }

        using var admin = host.CreateClient();
        await admin.LoginAsync(TestUsers.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(RecordUrl(councilId, Year), fields)).StatusCode);
        Assert.Equal(TestUsers.Admin, Assert.Single(await host.ChoicesAsync(councilId)).CreatedBy);
    }

    [Fact]
    public async Task Unknown_council_is_not_found()
    {
        await using var host = await PortalTestHost.StartAsync();
        using var client = host.CreateClient();
        await client.LoginAsync(TestUsers.KitaCommunity);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(RecordUrl(99999, 2026))).StatusCode);
    }
}
