using Portal.Tests.Infrastructure;

namespace Portal.Tests.DistrictCouncils;

public class PublishingTests
{
    [Fact]
    public async Task Staff_publishes_an_update_and_residents_see_it()
    {
        await using var host = await PortalTestHost.StartAsync();
        await Scenarios.StaffPublishesUpdateAndResidentsSeeItAsync(host);
    }
}
