using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Data;

public sealed class EnabledFeatureConfiguration : IEntityTypeConfiguration<EnabledFeature>
{
    public void Configure(EntityTypeBuilder<EnabledFeature> feature) => feature.HasKey(f => f.Name);
}
