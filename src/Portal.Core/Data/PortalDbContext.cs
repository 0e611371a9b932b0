using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Modules;
using Portal.Core.Search;

namespace Portal.Core.Data;

/// <summary>
/// One context for the whole site; each module adds its own entities through <see cref="IPortalModule.ConfigureModel"/>.
/// Migrations live in one assembly per provider (Portal.Migrations.Sqlite / Portal.Migrations.PostgreSql).
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, PortalRole, string>(options)
{
    private readonly PortalContextOptionsExtension _portal = options.FindExtension<PortalContextOptionsExtension>()
        ?? throw new InvalidOperationException("The context options need UsePortalModel(catalog, clock).");

    public DbSet<Ward> Wards => Set<Ward>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<EnabledFeature> EnabledFeatures => Set<EnabledFeature>();
    public DbSet<RecipeExecution> RecipeExecutions => Set<RecipeExecution>();
    public DbSet<ContentChange> ContentChanges => Set<ContentChange>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();

    /// <summary>Cache tags of the content saved in the open transaction; <see cref="ContentCommitInterceptor"/> evicts them on commit.</summary>
    private readonly HashSet<string> _uncommittedCacheTags = [];

    internal IReadOnlyCollection<string> TakeCommittedCacheTags()
    {
        var tags = _uncommittedCacheTags.ToList();
        _uncommittedCacheTags.Clear();
        return tags;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var module in _portal.Catalog.Modules)
            module.ConfigureModel(builder);

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite would otherwise hand it back as Unspecified.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    /// <summary>
    /// A recipe's row: added and saved unless <paramref name="present"/> finds it there already (then false, and it is
    /// left as it is), so that re-running a recipe adds only what is new.
    /// </summary>
    public async Task<bool> ImportUnlessPresentAsync(object row, Func<Task<bool>> present, CancellationToken cancellationToken)
    {
        if (await present())
            return false;
        Add(row);
        await SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds <paramref name="row"/> and saves it as <see cref="SaveUnlessTakenAsync"/> does.</summary>
    public Task<bool> AddUnlessTakenAsync(object row, Func<Task<bool>> taken, CancellationToken cancellationToken)
    {
        Add(row);
        return SaveUnlessTakenAsync(taken, cancellationToken);
    }

    /// <summary>
    /// Saves the tracked changes, guarded by a unique index. False when the index refused them and <paramref name="taken"/>
    /// confirms another row now holds the key (the same name or form sent twice at the same moment); any other failure is
    /// thrown. A refusal forgets the rows the save would have added; inside an open transaction it rolls the whole
    /// transaction back (PostgreSQL answers nothing more in a failed one) and forgets everything, before asking.
    /// </summary>
    public async Task<bool> SaveUnlessTakenAsync(Func<Task<bool>> taken, CancellationToken cancellationToken)
    {
        try
        {
            await SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            if (Database.CurrentTransaction is { } transaction)
            {
                await transaction.RollbackAsync(cancellationToken);
                ChangeTracker.Clear();
            }
            else
            {
                foreach (var added in ChangeTracker.Entries().Where(entry => entry.State == EntityState.Added).ToList())
                    added.State = EntityState.Detached;
            }
            if (!await taken()) throw;
            return false;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Left by a save whose transaction was neither committed nor rolled back (contexts are pooled).
        if (Database.CurrentTransaction is null)
            _uncommittedCacheTags.Clear();
        StampWrites();
        var indexed = IndexedEntries();
        if (indexed.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The change log is written in the content's own transaction: the index can never miss a committed change.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            ContentChanges.AddRange(ChangeRows(indexed));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            _uncommittedCacheTags.UnionWith(indexed.Select(e => e.CacheTag));
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Entries to log, taken before saving (deleted ones are detached by the save; added ones get their keys from it).</summary>
    private List<ISearchIndexed> IndexedEntries() =>
        ChangeTracker.Entries<ISearchIndexed>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity)
            .ToList();

    private IEnumerable<ContentChange> ChangeRows(List<ISearchIndexed> entities)
    {
        var now = _portal.Clock.GetUtcNow().UtcDateTime;
        return entities
            .Select(e => (e.SearchContentType, e.SearchKey))
            .Distinct()
            .Select(k => new ContentChange { ContentType = k.SearchContentType, ContentKey = k.SearchKey, ChangedUtc = now });
    }

    /// <summary>
    /// The write pipeline's stamps: a new version on every saved <see cref="IVersioned"/> row, and who last changed each
    /// <see cref="ModifiedEntity"/>, created each <see cref="AuditedEntity"/> and made each new <see cref="IRevision"/>, when
    /// (the current editor, at the site's clock or the time it acts for).
    /// </summary>
    private void StampWrites()
    {
        var editor = _portal.Editor.Name;
        var at = _portal.Editor.AtUtc ?? _portal.Clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            entry.Entity.Version = Guid.NewGuid();
            if (entry.Entity is AuditedEntity audited && entry.State == EntityState.Added)
            {
                audited.CreatedUtc = at;
                audited.CreatedBy = editor;
            }
            if (entry.Entity is ModifiedEntity modified)
            {
                modified.ModifiedUtc = at;
                modified.ModifiedBy = editor;
            }
        }
        foreach (var entry in ChangeTracker.Entries<IRevision>().Where(e => e.State == EntityState.Added))
        {
            entry.Entity.EditedUtc = at;
            entry.Entity.EditedBy = editor;
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
