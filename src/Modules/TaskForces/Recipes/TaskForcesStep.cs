using Microsoft.EntityFrameworkCore;
using Portal.Core.Recipes;
using Portal.Modules.TaskForces.Models;
using Portal.Modules.TaskForces.Services;

namespace Portal.Modules.TaskForces.Recipes;

/// <summary>
/// {"name":"taskForces","taskForces":[{"name":"…","ward":"27127","owner":"kita-ward-office","members":["kita-community",…],"public":true,
///   "workingGroups":["…"],"sessions":[{"start":"2026-09-10T10:00:00+09:00","workingGroup":"…","attendees":"…","summary":"…","decisions":["…"]}],
///   "actions":[{"description":"…","owner":"kita-welfare","due":"2026-11-10","status":"Open","session":1,"decision":1}]}]}
/// "session" is the 1-based position in "sessions", "decision" the number within that session. An existing task force (same ward and name) is kept.
/// </summary>
public sealed class TaskForcesStep(TaskForceEditor editor) : IRecipeStepHandler
{
    public string StepName => "taskForces";

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var wards = await db.Wards.ToDictionaryAsync(w => w.Code, w => w.Id, cancellationToken);
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);

        foreach (var item in context.Read<Model>().TaskForces)
        {
            if (!wards.TryGetValue(item.Ward, out var wardId))
                throw new RecipeException($"Task force '{item.Name}': unknown ward '{item.Ward}'.");

            int Org(string key) => organisations.TryGetValue(key, out var id) ? id : throw new RecipeException($"Task force '{item.Name}': unknown organisation '{key}'.");

            var taskForce = new TaskForce
            {
                Name = item.Name,
                WardId = wardId,
                OwnerOrganisationId = Org(item.Owner),
                Description = item.Description ?? "",
                IsPublic = item.Public ?? true,
            };
            taskForce.Members.AddRange(item.Members.Prepend(item.Owner).Distinct().Select(k => new TaskForceMember { OrganisationId = Org(k) }));
            taskForce.WorkingGroups.AddRange((item.WorkingGroups ?? []).Select(n => new WorkingGroup { Name = n }));

            foreach (var s in item.Sessions ?? [])
            {
                WorkingGroup? group = null;
                if (s.WorkingGroup is not null)
                    group = taskForce.WorkingGroups.FirstOrDefault(g => g.Name == s.WorkingGroup)
                        ?? throw new RecipeException($"Task force '{item.Name}': unknown working group '{s.WorkingGroup}'.");
                var session = new TaskForceSession { StartUtc = context.Utc(s.Start), WorkingGroup = group, Attendees = s.Attendees ?? "", Summary = s.Summary ?? "" };
                session.Decisions.AddRange((s.Decisions ?? []).Select((text, i) => new Decision { Number = i + 1, Text = text }));
                taskForce.Sessions.Add(session);
            }

            foreach (var a in item.Actions ?? [])
            {
                TaskForceSession? session = null;
                Decision? decision = null;
                if (a.Session is { } position)
                {
                    session = position >= 1 && position <= taskForce.Sessions.Count ? taskForce.Sessions[position - 1]
                        : throw new RecipeException($"Task force '{item.Name}': action '{a.Description}' names session {position}, which does not exist.");
                    if (a.Decision is { } number)
                        decision = session.Decisions.FirstOrDefault(d => d.Number == number)
                            ?? throw new RecipeException($"Task force '{item.Name}': action '{a.Description}' names decision {number}, which does not exist.");
                }
                taskForce.ActionItems.Add(new ActionItem
                {
                    Description = a.Description,
                    OwnerOrganisationId = Org(a.Owner),
                    DueDate = context.TokyoDate(a.Due),
                    Status = a.Status ?? ActionStatus.Open,
                    Session = session,
                    Decision = decision,
                });
            }
            await editor.ImportTaskForceAsync(taskForce, cancellationToken);
        }
    }

    private sealed record SessionItem(RecipeTime Start, string? WorkingGroup, string? Attendees, string? Summary, List<string>? Decisions);
    private sealed record ActionEntry(string Description, string Owner, RecipeTime Due, ActionStatus? Status, int? Session, int? Decision);

    private sealed record Item(
        string Name, string Ward, string Owner, List<string> Members, string? Description, bool? Public,
        List<string>? WorkingGroups, List<SessionItem>? Sessions, List<ActionEntry>? Actions);

    private sealed record Model(List<Item> TaskForces);
}
