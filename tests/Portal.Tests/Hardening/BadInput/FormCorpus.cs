using Portal.Tests.Infrastructure;

namespace Portal.Tests.Hardening.BadInput;

/// <summary>Every POST handler of the portal with its bad inputs. The completeness test fails when a page has a handler not listed here.</summary>
public static class FormCorpus
{
    public const string KitaCouncil = "菅北地域活動協議会";        // 北区, kita-community
    public const string ChuoCouncil = "中大江地域活動協議会";      // 中央区, chuo-community
    public const string KitaMeeting = "第7回 北区三者連絡会議";    // kita-ward-office, with minutes
    public const string ChuoMeeting = "第5回 中央区三者連絡会議";  // chuo-ward-office
    public const string KitaAction = "担い手アンケートの実施と集計"; // owner kita-community
    public const string KitaWardVoice = "ごみ集積所のカラス被害への対策";        // raised by kita-ward-office, not taken up
    public const string KitaCommunityVoice = "町会の掲示板の設置費用を補助してほしい"; // raised by kita-community, not taken up
    public const string KitaWelfareVoice = "個別の相談案件（非公開）";             // raised by kita-welfare, not taken up
    public const string ChuoVoice = "高齢者向けのスマートフォン教室を開いてほしい";  // raised by chuo-welfare, not taken up
    public const string ChuoTakenUpVoice = "深夜営業の店舗前のごみの散乱";          // chuo-community, handled

    private static readonly string[] Guids = ["not-a-guid", "6f9619ff-8b86-d011-b42d-00cf4fc964ff"];

    /// <summary>Link values that must never be stored: script and data URLs, relative and host-less addresses.</summary>
    public static readonly string[] Links =
    [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)", "//evil.example/", "/relative/path", "http://", "https://", "ftp://example.jp/", "example.jp",
    ];

    public static readonly FormSpec[] All =
    [
        new()
        {
            Name = "account.login", Route = "/account/login", User = null, Page = "/account/login",
            // A user that does not exist: nothing (not even a failed-attempt counter) may change.
            Fill = { ["Input.UserName"] = "no-such-user", ["Input.Password"] = "wrong-password-0" },
            Text = { ["Input.UserName"] = 256, ["Input.Password"] = 256 },
        },
        new()
        {
            Name = "account.logout", Route = "/account/logout", User = TestUsers.KitaWard, Page = "/", FreshClient = true, Bodyless = true,
            Select = f => f.Action == "/account/logout",
        },
        new()
        {
            Name = "error", Route = "/error/{code:int?}", User = null, Page = "/account/login", Antiforgery = false, Bodyless = true,
            OnlyUrls = true, UrlWithId = code => $"/error/{code}", UrlValues = ["0", "-1", "99", "600", "2147483648", "abc"],
        },

        // DistrictCouncils
        new()
        {
            Name = "councils.create", Route = "/staff/councils/edit/{id:int?}", User = TestUsers.KitaCommunity, Page = "/staff/councils/edit",
            Fill = { ["Input.Name"] = "不正入力テスト地域活動協議会" },
            Text = CouncilText, Ids = ["Input.WardCode", "Input.Fields"], Invalid = CouncilInvalid,
            Attacks =
            [
                new("another ward's code", TestUsers.KitaCommunity, "/staff/councils/edit", TestUsers.KitaCommunity)
                    { Overrides = { ["Input.Name"] = "他区への登録", ["Input.WardCode"] = PortalData.ChuoWard } },
            ],
        },
        new()
        {
            Name = "councils.create-admin", Route = "/staff/councils/edit/{id:int?}", User = TestUsers.Admin, Page = "/staff/councils/edit",
            Fill = { ["Input.Name"] = "不正入力テスト地域活動協議会" },
            Text = CouncilText, Ids = ["Input.WardCode", "Input.Fields", "Input.ManagingOrganisationId"], Invalid = CouncilInvalid,
        },
        new()
        {
            Name = "councils.edit", Route = "/staff/councils/edit/{id:int?}", User = TestUsers.KitaCommunity, Page = $"/staff/councils/edit/{{council:{KitaCouncil}}}",
            Text = CouncilText, Ids = ["Input.WardCode", "Input.Fields"], Invalid = Merge(CouncilInvalid, new() { ["Input.Version"] = Guids }),
            UrlWithId = id => $"/staff/councils/edit/{id}",
            Attacks =
            [
                new("another organisation's council", TestUsers.KitaCommunity, $"/staff/councils/edit/{{council:{ChuoCouncil}}}", TestUsers.ChuoCommunity),
                new("ward staff on a council profile", TestUsers.KitaWard, $"/staff/councils/edit/{{council:{KitaCouncil}}}", TestUsers.KitaCommunity),
                new("moving the council to another ward", TestUsers.KitaCommunity, $"/staff/councils/edit/{{council:{KitaCouncil}}}", TestUsers.KitaCommunity)
                    { Overrides = { ["Input.WardCode"] = PortalData.ChuoWard } },
            ],
        },
        new()
        {
            Name = "updates.create", Route = "/staff/updates/edit/{id:int?}", User = TestUsers.KitaCommunity,
            Page = $"/staff/updates/edit?councilId={{council:{KitaCouncil}}}",
            Fill = { ["Input.Title"] = "不正入力テストの活動報告", ["Input.Body"] = "<p>本文</p>", ["intent"] = "publish" },
            Text = { ["Input.Title"] = 200, ["Input.Body"] = 20000 },
            Ids = ["councilId"], Invalid = { ["intent"] = ["", "delete", "PUBLISH"] },
            Attacks =
            [
                new("an update on another ward's council", TestUsers.KitaCommunity, $"/staff/updates/edit?councilId={{council:{KitaCouncil}}}", TestUsers.KitaCommunity)
                    {
                        Overrides = { ["councilId"] = $"{{council:{ChuoCouncil}}}", ["Input.Title"] = "他区の協議会への投稿", ["intent"] = "publish" },
                        PostUrl = $"/staff/updates/edit?councilId={{council:{ChuoCouncil}}}",
                    },
            ],
        },
        new()
        {
            Name = "updates.edit", Route = "/staff/updates/edit/{id:int?}", User = TestUsers.KitaCommunity, Page = "/staff/updates/edit/{update:kita-community}",
            Fill = { ["intent"] = "publish" },
            Text = { ["Input.Title"] = 200, ["Input.Body"] = 20000 },
            Invalid = { ["intent"] = ["", "delete"], ["Input.Version"] = Guids },
            UrlWithId = id => $"/staff/updates/edit/{id}",
            Attacks =
            [
                new("another organisation's update", TestUsers.ChuoCommunity, "/staff/updates/edit/{update:kita-community}", TestUsers.KitaCommunity) { Overrides = { ["intent"] = "publish" } },
                new("a partner's update in the same ward", TestUsers.KitaWelfare, "/staff/updates/edit/{update:kita-community}", TestUsers.KitaCommunity) { Overrides = { ["intent"] = "draft" } },
            ],
        },

        // JointMeetings
        new()
        {
            Name = "meetings.create", Route = "/staff/meetings/edit/{id:int?}", User = TestUsers.KitaWard, Page = "/staff/meetings/edit",
            Fill = { ["Input.Title"] = "不正入力テスト会議", ["Input.Start"] = "2027-01-20T14:00", ["Input.End"] = "2027-01-20T16:00" },
            Text = MeetingText, Dates = MeetingDates, Ranges = MeetingRanges, Ids = ["Input.ParticipantIds"], Invalid = MeetingInvalid,
            Attacks =
            [
                new("another ward's organisations as participants", TestUsers.KitaWard, "/staff/meetings/edit", TestUsers.KitaWard)
                    { Overrides = { ["Input.Title"] = "他区の参加組織", ["Input.Start"] = "2027-01-20T14:00", ["Input.End"] = "2027-01-20T16:00", ["Input.ParticipantIds"] = "{org:chuo-community}" } },
                new("a presenter from another ward", TestUsers.KitaWard, "/staff/meetings/edit", TestUsers.KitaWard)
                    { Overrides = { ["Input.Title"] = "他区の発表者", ["Input.Start"] = "2027-01-20T14:00", ["Input.End"] = "2027-01-20T16:00", ["Input.Agenda"] = "14:00 報告 @chuo-community" } },
                new("community staff creating a meeting", TestUsers.KitaCommunity, "/staff/meetings/edit", TestUsers.KitaWard)
                    { Overrides = { ["Input.Title"] = "権限のない登録", ["Input.Start"] = "2027-01-20T14:00", ["Input.End"] = "2027-01-20T16:00" } },
            ],
        },
        new()
        {
            Name = "meetings.create-admin", Route = "/staff/meetings/edit/{id:int?}", User = TestUsers.Admin, Page = "/staff/meetings/edit",
            Fill = { ["Input.Title"] = "不正入力テスト会議", ["Input.Start"] = "2027-01-20T14:00", ["Input.End"] = "2027-01-20T16:00" },
            Ids = ["Input.OrganiserId"], Invalid = { ["Input.OrganiserId"] = ["{org:kita-community}"] },
        },
        new()
        {
            Name = "meetings.edit", Route = "/staff/meetings/edit/{id:int?}", User = TestUsers.KitaWard, Page = $"/staff/meetings/edit/{{meeting:{KitaMeeting}}}",
            Text = MeetingText, Dates = MeetingDates, Ranges = MeetingRanges, Ids = ["Input.ParticipantIds"],
            Invalid = Merge(MeetingInvalid, new() { ["Input.Version"] = Guids }),
            UrlWithId = id => $"/staff/meetings/edit/{id}",
            Attacks =
            [
                new("another ward's meeting", TestUsers.KitaWard, $"/staff/meetings/edit/{{meeting:{ChuoMeeting}}}", TestUsers.ChuoWard),
                new("a participant editing the organiser's meeting", TestUsers.KitaCommunity, $"/staff/meetings/edit/{{meeting:{KitaMeeting}}}", TestUsers.KitaWard),
            ],
        },
        new()
        {
            Name = "meetings.attendance", Route = "/staff/meetings/{id:int}/attendance", User = TestUsers.KitaWard, Page = $"/staff/meetings/{{meeting:{KitaMeeting}}}/attendance",
            Text = { ["Rows[0].Names"] = 500 }, Ids = ["Rows[0].OrganisationId"], Missing = ["Rows["],
            Invalid = { ["Rows[0].Count"] = ["-1", "1000", "abc", "2147483648", "1.5"], ["Version"] = Guids },
            UrlWithId = id => $"/staff/meetings/{id}/attendance",
            Attacks =
            [
                new("another ward's meeting", TestUsers.KitaWard, $"/staff/meetings/{{meeting:{ChuoMeeting}}}/attendance", TestUsers.ChuoWard),
                new("attendance of an organisation that is not a participant", TestUsers.KitaWard, $"/staff/meetings/{{meeting:{KitaMeeting}}}/attendance", TestUsers.KitaWard)
                    { Overrides = { ["Rows[0].OrganisationId"] = "{org:chuo-community}", ["Rows[0].Count"] = "3" } },
            ],
        },
        new()
        {
            Name = "meetings.minutes", Route = "/staff/meetings/{id:int}/minutes", User = TestUsers.KitaWard, Page = $"/staff/meetings/{{meeting:{KitaMeeting}}}/minutes",
            Fill = { ["intent"] = "publish" },
            Text = { ["Input.Body"] = 50000 }, Invalid = { ["intent"] = ["", "delete"], ["Input.Version"] = Guids },
            UrlWithId = id => $"/staff/meetings/{id}/minutes",
            Attacks =
            [
                new("another ward's minutes", TestUsers.KitaWard, $"/staff/meetings/{{meeting:{ChuoMeeting}}}/minutes", TestUsers.ChuoWard) { Overrides = { ["intent"] = "publish" } },
                new("a participant writing the organiser's minutes", TestUsers.KitaWelfare, $"/staff/meetings/{{meeting:{KitaMeeting}}}/minutes", TestUsers.KitaWard) { Overrides = { ["intent"] = "draft" } },
            ],
        },

        // Search
        new()
        {
            Name = "search.rebuild", Route = "/admin/search", Handler = "Rebuild", User = TestUsers.Admin, Page = "/admin/search", Bodyless = true,
            Attacks = [new("staff rebuilding the index", TestUsers.KitaWard, "/admin/search", TestUsers.Admin)],
        },

        // TaskForces
        new()
        {
            Name = "taskforces.status", Route = "/taskforces/{id:int}", Handler = "Status", User = TestUsers.KitaCommunity, Page = "/taskforces/{taskforce}",
            Select = f => f.Action.Contains("handler=Status"),
            Fill = { ["status"] = "Done" },
            Ids = ["actionId"], Invalid = { ["status"] = ["", "7", "-1", "abc", "2147483648"], ["version"] = Guids },
            UrlWithId = id => $"/taskforces/{id}?handler=Status",
            Attacks =
            [
                new("another ward's staff", TestUsers.ChuoCommunity, "/taskforces/{taskforce}", TestUsers.KitaCommunity)
                    { Select = f => f.Action.Contains("handler=Status"), Overrides = { ["actionId"] = $"{{action:{KitaAction}}}", ["status"] = "Done" } },
                new("a member updating another member's action", TestUsers.KitaWelfare, "/taskforces/{taskforce}", TestUsers.KitaCommunity)
                    { Select = f => f.Action.Contains("handler=Status"), Overrides = { ["actionId"] = $"{{action:{KitaAction}}}", ["status"] = "Done" } },
            ],
        },
        new()
        {
            Name = "taskforces.create", Route = "/staff/taskforces/edit/{id:int?}", User = TestUsers.KitaWard, Page = "/staff/taskforces/edit",
            Fill = { ["Input.Name"] = "不正入力テストタスクフォース" },
            Text = TaskForceText, Ids = ["Input.MemberIds"], Invalid = TaskForceInvalid,
            Attacks =
            [
                new("another ward's organisations as members", TestUsers.KitaWard, "/staff/taskforces/edit", TestUsers.KitaWard)
                    { Overrides = { ["Input.Name"] = "他区のメンバー", ["Input.MemberIds"] = "{org:chuo-community}" } },
            ],
        },
        new()
        {
            Name = "taskforces.edit", Route = "/staff/taskforces/edit/{id:int?}", User = TestUsers.KitaWard, Page = "/staff/taskforces/edit/{taskforce}",
            Text = TaskForceText, Ids = ["Input.MemberIds"],
            // Removing every working group: some have sessions on record.
            Invalid = Merge(TaskForceInvalid, new() { ["Input.Version"] = Guids, ["Input.WorkingGroups"] = ["", "新しいワーキンググループ"] }),
            UrlWithId = id => $"/staff/taskforces/edit/{id}",
            Attacks =
            [
                new("another ward's staff", TestUsers.ChuoWard, "/staff/taskforces/edit/{taskforce}", TestUsers.KitaWard),
                new("a member editing the owner's task force", TestUsers.KitaCommunity, "/staff/taskforces/edit/{taskforce}", TestUsers.KitaWard),
            ],
        },
        new()
        {
            Name = "taskforces.session-create", Route = "/staff/taskforces/{taskForceId:int}/sessions/edit/{id:int?}", User = TestUsers.KitaWard,
            Page = "/staff/taskforces/{taskforce}/sessions/edit",
            Fill = { ["Input.Start"] = "2027-01-10T10:00" },
            Text = SessionText, Dates = { ["Input.Start"] = new(DateKind.DateTime) }, Ids = ["Input.WorkingGroupId"], Invalid = SessionInvalid,
            UrlWithId = id => $"/staff/taskforces/{id}/sessions/edit",
            Attacks =
            [
                new("another ward's staff", TestUsers.ChuoWard, "/staff/taskforces/{taskforce}/sessions/edit", TestUsers.KitaWard) { Overrides = { ["Input.Start"] = "2027-01-10T10:00" } },
            ],
        },
        new()
        {
            Name = "taskforces.session-edit", Route = "/staff/taskforces/{taskForceId:int}/sessions/edit/{id:int?}", User = TestUsers.KitaWard,
            Page = "/staff/taskforces/{taskforce}/sessions/edit/{session:0}",
            Text = SessionText, Dates = { ["Input.Start"] = new(DateKind.DateTime) }, Ids = ["Input.WorkingGroupId"], Invalid = SessionInvalid,
            UrlWithId = id => $"/staff/taskforces/{{taskforce}}/sessions/edit/{id}",
            Attacks =
            [
                new("another ward's staff", TestUsers.ChuoWard, "/staff/taskforces/{taskforce}/sessions/edit/{session:0}", TestUsers.KitaWard),
                new("a session of the task force under another task force id", TestUsers.KitaWard, "/staff/taskforces/{taskforce}/sessions/edit/{session:0}", TestUsers.KitaWard)
                    { PostUrl = "/staff/taskforces/2147483647/sessions/edit/{session:0}" },
            ],
        },
        new()
        {
            Name = "taskforces.action-create", Route = "/staff/taskforces/{taskForceId:int}/actions/edit/{id:int?}", User = TestUsers.KitaWard,
            Page = "/staff/taskforces/{taskforce}/actions/edit",
            Fill = { ["Input.Description"] = "不正入力テストのアクション", ["Input.DueDate"] = "2027-02-01" },
            Text = { ["Input.Description"] = 500 }, Dates = { ["Input.DueDate"] = new(DateKind.Date) },
            Ids = ["Input.OwnerOrganisationId", "Input.DecisionId"], Invalid = ActionInvalid,
            UrlWithId = id => $"/staff/taskforces/{id}/actions/edit",
            Attacks =
            [
                new("an owner from another ward", TestUsers.KitaWard, "/staff/taskforces/{taskforce}/actions/edit", TestUsers.KitaWard)
                    { Overrides = { ["Input.Description"] = "他区への割り当て", ["Input.DueDate"] = "2027-02-01", ["Input.OwnerOrganisationId"] = "{org:chuo-community}" } },
            ],
        },
        new()
        {
            Name = "taskforces.action-edit", Route = "/staff/taskforces/{taskForceId:int}/actions/edit/{id:int?}", User = TestUsers.KitaWard,
            Page = $"/staff/taskforces/{{taskforce}}/actions/edit/{{action:{KitaAction}}}",
            Text = { ["Input.Description"] = 500 }, Dates = { ["Input.DueDate"] = new(DateKind.Date) },
            Ids = ["Input.OwnerOrganisationId", "Input.DecisionId"], Invalid = Merge(ActionInvalid, new() { ["Input.Version"] = Guids }),
            UrlWithId = id => $"/staff/taskforces/{{taskforce}}/actions/edit/{id}",
            Attacks =
            [
                new("another ward's staff", TestUsers.ChuoWard, $"/staff/taskforces/{{taskforce}}/actions/edit/{{action:{KitaAction}}}", TestUsers.KitaWard),
                new("the action's owner organisation editing it", TestUsers.KitaCommunity, $"/staff/taskforces/{{taskforce}}/actions/edit/{{action:{KitaAction}}}", TestUsers.KitaWard),
            ],
        },

        // CommunityVoice
        new()
        {
            Name = "voice.create", Route = "/staff/voice/edit/{id:int?}", User = TestUsers.KitaCommunity, Page = "/staff/voice/edit",
            Fill = { ["Input.Summary"] = "不正入力テストの地域の声", ["Input.CategoryId"] = "{category:防災}" },
            Text = VoiceText, Dates = VoiceDates, Ranges = VoiceRanges, Ids = ["Input.CategoryId"], Invalid = VoiceInvalid,
        },
        new()
        {
            Name = "voice.create-admin", Route = "/staff/voice/edit/{id:int?}", User = TestUsers.Admin, Page = "/staff/voice/edit",
            Fill = { ["Input.Summary"] = "不正入力テストの地域の声", ["Input.CategoryId"] = "{category:防災}", ["Input.WardCode"] = PortalData.KitaWard },
            Ids = ["Input.WardCode", "Input.CategoryId"],
        },
        new()
        {
            Name = "voice.edit", Route = "/staff/voice/edit/{id:int?}", User = TestUsers.KitaCommunity, Page = $"/staff/voice/edit/{{voice:{KitaCommunityVoice}}}",
            Text = VoiceText, Dates = VoiceDates, Ranges = VoiceRanges, Invalid = Merge(VoiceInvalid, new() { ["Input.Version"] = Guids }),
            UrlWithId = id => $"/staff/voice/edit/{id}",
            Attacks =
            [
                new("another ward's item", TestUsers.KitaCommunity, $"/staff/voice/edit/{{voice:{ChuoVoice}}}", TestUsers.ChuoWelfare),
                new("a partner's item in the same ward", TestUsers.KitaCommunity, $"/staff/voice/edit/{{voice:{KitaWelfareVoice}}}", TestUsers.KitaWelfare),
                new("the raiser after the ward office took it up", TestUsers.ChuoCommunity, $"/staff/voice/edit/{{voice:{ChuoTakenUpVoice}}}", TestUsers.ChuoWard),
            ],
        },
        new()
        {
            Name = "voice.handle", Route = "/staff/voice/{id:int}", User = TestUsers.KitaWard, Page = $"/staff/voice/{{voice:{KitaWardVoice}}}",
            Text = { ["Input.Note"] = 1000, ["Input.Response"] = 4000 }, Ids = ["Input.CategoryId", "Input.StatusId"],
            Invalid =
            {
                ["Input.Version"] = Guids,
                // A closing status that publishes the response needs one.
                ["Input.StatusId"] = ["{status:回答済み}"],
                ["Input.IsPublic"] = ["maybe"],
            },
            UrlWithId = id => $"/staff/voice/{id}",
            Attacks =
            [
                new("another ward's office", TestUsers.ChuoWard, $"/staff/voice/{{voice:{KitaWardVoice}}}", TestUsers.KitaWard) { Overrides = { ["Input.StatusId"] = "{status:取下げ}" } },
                new("the raising organisation handling its own item", TestUsers.KitaCommunity, $"/staff/voice/{{voice:{KitaCommunityVoice}}}", TestUsers.KitaWard)
                    { Overrides = { ["Input.StatusId"] = "{status:取下げ}" } },
            ],
        },
        new()
        {
            Name = "voice.routing", Route = "/staff/voice/routing", User = TestUsers.KitaWard, Page = "/staff/voice/routing",
            Select = f => !f.Action.Contains("handler="),
            Ids = ["Rules[*]"], Invalid = { ["Rules[*]"] = ["{department:27128}"] }, Missing = ["Rules["],
            UrlWithId = code => $"/staff/voice/routing?ward={Uri.EscapeDataString(code)}",
            Attacks =
            [
                new("another ward's table", TestUsers.KitaWard, "/staff/voice/routing?ward=27128", TestUsers.ChuoWard) { Select = f => !f.Action.Contains("handler=") },
            ],
        },
        new()
        {
            Name = "voice.department", Route = "/staff/voice/routing", Handler = "Department", User = TestUsers.KitaWard, Page = "/staff/voice/routing",
            Fill = { ["NewDepartmentName"] = "不正入力テスト課" },
            Text = { ["NewDepartmentName"] = 100 },
            Invalid = { ["NewDepartmentName"] = ["", "   ", "\t\n"] },
            UrlWithId = code => $"/staff/voice/routing?handler=Department&ward={Uri.EscapeDataString(code)}",
            Attacks =
            [
                new("another ward's departments", TestUsers.KitaWard, "/staff/voice/routing?ward=27128", TestUsers.ChuoWard)
                    { Select = f => f.Action.Contains("handler=Department"), Overrides = { ["NewDepartmentName"] = "他区の課" } },
            ],
        },
        new()
        {
            Name = "voice.settings-category", Route = "/staff/voice/settings", Handler = "Category", User = TestUsers.Admin, Page = "/staff/voice/settings",
            Fill = { ["NewCategoryName"] = "不正入力テスト分類" },
            Text = { ["NewCategoryName"] = 50 }, Invalid = { ["NewCategoryName"] = ["", "   ", "防災", " 防災 "] },
            Attacks = [new("ward staff", TestUsers.KitaWard, "/staff/voice/settings", TestUsers.Admin) { Select = f => f.Action.Contains("handler=Category") }],
        },
        new()
        {
            Name = "voice.settings-status", Route = "/staff/voice/settings", Handler = "Status", User = TestUsers.Admin, Page = "/staff/voice/settings",
            Fill = { ["NewStatusName"] = "不正入力テスト状況" },
            Text = { ["NewStatusName"] = 50 },
            Invalid = { ["NewStatusName"] = ["", "回答済み"], ["IsPublicResponse"] = ["true"], ["IsClosed"] = ["maybe"] },
            Attacks = [new("ward staff", TestUsers.KitaWard, "/staff/voice/settings", TestUsers.Admin) { Select = f => f.Action.Contains("handler=Status"), Overrides = { ["NewStatusName"] = "権限なし" } }],
        },

        // SupportOrganisations
        new()
        {
            Name = "support.choice", Route = "/staff/support-choices/councils/{councilId:int}", User = TestUsers.KitaCommunity,
            Page = "/staff/support-choices/councils/{council:済美地域活動協議会}",
            Fill = { ["Input.ProfileId"] = "{profile:support-machizukuri-lab}", ["Input.Reason"] = "会計支援のため。" },
            Text = { ["Input.Reason"] = 1000 }, Ids = ["Input.ProfileId", "Input.FiscalYear"],
            Invalid = { ["Input.FiscalYear"] = ["1999", "2100"], ["Input.Reason"] = ["", "  "], ["Input.Version"] = Guids },
            UrlWithId = id => $"/staff/support-choices/councils/{id}",
            Attacks =
            [
                new("another ward's council", TestUsers.KitaCommunity, $"/staff/support-choices/councils/{{council:{ChuoCouncil}}}", TestUsers.ChuoCommunity)
                    { Overrides = { ["Input.Reason"] = "他区の協議会の選択" } },
                new("an organisation that does not serve the ward", TestUsers.KitaCommunity, "/staff/support-choices/councils/{council:済美地域活動協議会}", TestUsers.KitaCommunity)
                    { Overrides = { ["Input.ProfileId"] = "{profile:support-bayside}", ["Input.Reason"] = "対象外の組織" } },
            ],
        },
        new()
        {
            Name = "support.profile", Route = "/staff/support-profile/{id:int?}", User = "support-1", Page = "/staff/support-profile",
            Text =
            {
                ["Input.ServicesNote"] = 1000, ["Input.Description"] = 4000, ["Input.Staff"] = 2000, ["Input.TrackRecord"] = 4000,
                ["Input.ContactName"] = 100, ["Input.ContactPhone"] = 30, ["Input.ContactEmail"] = 254, ["Input.WebsiteUrl"] = 300,
            },
            Ids = ["Input.Services", "Input.WardCodes"],
            Invalid =
            {
                ["Input.WebsiteUrl"] = Links,
                ["Input.ContactEmail"] = ["not-an-email", "a@b@c", "@example.jp"],
                ["Input.ContactPhone"] = ["06-abcd-0000", "<script>"],
                ["Input.Version"] = Guids,
            },
            UrlWithId = id => $"/staff/support-profile/{id}",
            Attacks =
            [
                new("another support organisation's profile", "support-1", "/staff/support-profile/{profile:support-bayside}", TestUsers.Admin),
                new("council staff", TestUsers.KitaCommunity, "/staff/support-profile/{profile:support-machizukuri-lab}", TestUsers.Admin),
            ],
        },

        // Digests
        new()
        {
            Name = "digests.subscribe", Route = "/digests/subscriptions", User = TestUsers.KitaWard, Page = "/digests/subscriptions",
            Select = f => !f.Action.Contains("handler=") && f.Action != "/account/logout",
            Fill = { ["Input.OrganisationId"] = "{org:kita-welfare}", ["Input.Frequency"] = "Daily" },
            Ids = ["Input.WardId", "Input.OrganisationId"],
            Invalid = { ["Input.Frequency"] = ["", "Hourly", "99", "-1", "abc"] },
        },
        new()
        {
            Name = "digests.frequency", Route = "/digests/subscriptions", Handler = "Frequency", User = TestUsers.KitaWard, Page = "/digests/subscriptions",
            Fill = { ["frequency"] = "Daily" },
            Invalid = { ["frequency"] = ["", "Hourly", "99", "abc"] },
            UrlWithId = id => $"/digests/subscriptions?handler=Frequency&id={id}",
            Attacks =
            [
                new("another user's subscription", TestUsers.KitaWard, "/digests/subscriptions", TestUsers.ChuoWard)
                    { Select = f => f.Action.Contains("handler=Frequency"), Overrides = { ["frequency"] = "Off" } },
            ],
        },
        new()
        {
            Name = "digests.delete", Route = "/digests/subscriptions", Handler = "Delete", User = TestUsers.KitaWard, Page = "/digests/subscriptions", Bodyless = true,
            // Only the malformed ids: a valid one would delete the subscription the other cases need.
            UrlWithId = id => $"/digests/subscriptions?handler=Delete&id={id}",
            Attacks = [new("another user's subscription", TestUsers.KitaWard, "/digests/subscriptions", TestUsers.ChuoWard) { Select = f => f.Action.Contains("handler=Delete") }],
        },
        new()
        {
            // The resend form is there for the run CorpusSite seeds (a delivery failed at the mail server).
            Name = "digests.resend", Route = "/admin/digests", Handler = "Resend", User = TestUsers.Admin, Page = "/admin/digests", Bodyless = true,
            UrlWithId = id => $"/admin/digests?handler=Resend&id={id}",
            Attacks = [new("staff resending a digest run", TestUsers.KitaWard, "/admin/digests", TestUsers.Admin)],
        },
        new()
        {
            Name = "digests.unsubscribe", Route = "/digests/unsubscribe/{token}", User = null, Page = "/digests/unsubscribe/{unsubscribe:chuo-ward}",
            Antiforgery = false, Bodyless = true, OnlyUrls = true,
            UrlWithId = token => $"/digests/unsubscribe/{token}",
            UrlValues = ["abc", "0", "%00", "..%2F..%2Fadmin", new string('A', 5000), "{unsubscribe:chuo-ward}x", "x{unsubscribe:chuo-ward}"],
        },
    ];

    // Shared field tables.

    private static Dictionary<string, int> CouncilText => new()
    {
        ["Input.Name"] = 120, ["Input.Area"] = 200, ["Input.Description"] = 4000,
        ["Input.ContactName"] = 100, ["Input.ContactPhone"] = 30, ["Input.ContactEmail"] = 254,
    };

    private static Dictionary<string, string[]> CouncilInvalid => new()
    {
        ["Input.Name"] = ["", "   "],
        ["Input.ContactPhone"] = ["06-abcd-0000", "<script>"],
        ["Input.ContactEmail"] = ["not-an-email", "a@b@c", "@example.jp"],
        ["Input.Latitude"] = ["91", "-90.5", "NaN", "Infinity", "1e400", "abc", "34,69"],
        ["Input.Longitude"] = ["181", "-Infinity", "NaN", "abc"],
        ["Input.Fields"] = ["None", "63", "Welfare,Health"],
    };

    private static Dictionary<string, int> MeetingText => new()
    {
        ["Input.Title"] = 200, ["Input.Place"] = 200, ["Input.OnlineUrl"] = 500,
        ["Input.Description"] = 2000, ["Input.InvitedPeople"] = 2000, ["Input.Agenda"] = 10000,
    };

    private static Dictionary<string, DateField> MeetingDates => new()
    {
        ["Input.Start"] = new(DateKind.DateTime), ["Input.End"] = new(DateKind.DateTime),
    };

    private static (string, string, string, string)[] MeetingRanges =>
    [
        ("Input.Start", "Input.End", "2027-01-20T14:00", "2027-01-20T13:59"),
        ("Input.Start", "Input.End", "2027-01-20T14:00", "2027-01-20T14:00"),
        ("Input.Start", "Input.End", "2027-01-20T14:00", "2026-01-20T16:00"),
    ];

    private static Dictionary<string, string[]> MeetingInvalid => new()
    {
        ["Input.Title"] = ["", "   "],
        ["Input.OnlineUrl"] = Links,
        ["Input.IsPublic"] = ["maybe"],
        ["Input.Agenda"] =
        [
            "25:00 開会", "14:00", "14:00 " + new string('議', 201), "14:00 報告 @no-such-organisation", "14:30 報告\n14:00 開会",
            "09:00 早すぎる議題", string.Join('\n', Enumerable.Range(0, 51).Select(i => $"14:{i % 60:00} 議題{i}")), "開会あいさつ",
        ],
    };

    private static Dictionary<string, int> TaskForceText => new()
    {
        ["Input.Name"] = 200, ["Input.Description"] = 2000, ["Input.WorkingGroups"] = 4000,
    };

    private static Dictionary<string, string[]> TaskForceInvalid => new()
    {
        ["Input.Name"] = ["", "   "],
        ["Input.IsPublic"] = ["maybe"],
        ["Input.WorkingGroups"] = [new string('班', 201), "同じ名前\n同じ名前"],
    };

    private static Dictionary<string, int> SessionText => new()
    {
        ["Input.Attendees"] = 1000, ["Input.Summary"] = 4000, ["Input.Decisions"] = 10000,
    };

    private static Dictionary<string, string[]> SessionInvalid => new()
    {
        ["Input.Decisions"] = [new string('決', 1001)],
    };

    private static Dictionary<string, string[]> ActionInvalid => new()
    {
        ["Input.Description"] = ["", "   "],
        ["Input.Status"] = ["7", "-1", "abc", "2147483648"],
    };

    private static Dictionary<string, int> VoiceText => new()
    {
        ["Input.Summary"] = 200, ["Input.Details"] = 4000, ["Input.AreaName"] = 100, ["Input.SourceReference"] = 200,
        ["Input.RaiserName"] = 100, ["Input.RaiserContact"] = 200,
    };

    private static Dictionary<string, DateField> VoiceDates => new()
    {
        ["Input.RaisedOn"] = new(DateKind.Date), ["Input.TargetResponseDate"] = new(DateKind.Date, Required: false),
    };

    private static (string, string, string, string)[] VoiceRanges =>
    [
        ("Input.RaisedOn", "Input.TargetResponseDate", "2026-11-20", "2026-11-19"),
    ];

    private static Dictionary<string, string[]> VoiceInvalid => new()
    {
        ["Input.Summary"] = ["", "   "],
        ["Input.Source"] = ["", "0", "99", "abc"],
    };

    private static Dictionary<string, string[]> Merge(Dictionary<string, string[]> a, Dictionary<string, string[]> b)
    {
        var merged = new Dictionary<string, string[]>(a);
        foreach (var (key, values) in b)
            merged[key] = merged.TryGetValue(key, out var existing) ? [.. existing, .. values] : values;
        return merged;
    }

    public static FormSpec Get(string name) => All.Single(s => s.Name == name);
}
