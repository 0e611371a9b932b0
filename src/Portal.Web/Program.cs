using Portal.Web;

var app = await PortalApp.BuildAsync(args);
await app.RunAsync();
