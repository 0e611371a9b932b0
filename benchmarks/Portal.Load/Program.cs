// Load test of the residents' council pages: see docs/benchmarks.md.
// Usage: dotnet run -c Release --project benchmarks/Portal.Load [-- DATA_DIRECTORY [SECONDS]]
//        (internal) serve DATA_DIRECTORY PORT cache|nocache [sql]
using Portal.Load;

if (args.Length > 0 && args[0] == "serve")
{
    await LoadServer.RunAsync(args[1], int.Parse(args[2]), args[3] == "cache", args.Length > 4 && args[4] == "sql");
    return 0;
}
var dataDirectory = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Path.GetTempPath(), "portal-load-data");
var seconds = args.Length > 1 ? int.Parse(args[1]) : 10;
return await LoadRun.RunAsync(dataDirectory, TimeSpan.FromSeconds(seconds));
