using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Data;

public sealed class RecipeExecutionConfiguration : IEntityTypeConfiguration<RecipeExecution>
{
    public void Configure(EntityTypeBuilder<RecipeExecution> execution) => execution.HasIndex(r => r.RecipeName).IsUnique();
}
