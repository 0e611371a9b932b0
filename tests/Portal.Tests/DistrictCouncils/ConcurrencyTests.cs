using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

public class ConcurrencyTests
{
    [Fact]
    public async Task Second_save_of_an_update_opened_at_the_same_version_answers_409_and_keeps_the_first()
    {
        await using var host = await PortalTestHost.StartAsync();
        await Scenarios.SecondSaveOfTheSameVersionConflictsAsync(host);
    }
}
