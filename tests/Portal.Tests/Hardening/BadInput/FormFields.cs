namespace Portal.Tests.Hardening.BadInput;

/// <summary>Helpers to change a list of form fields.</summary>
public static class FormFields
{
    /// <summary>Replaces every value of <paramref name="name"/> by one value (or adds it).</summary>
    public static List<KeyValuePair<string, string>> Set(this List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var index = fields.FindIndex(f => f.Key == name);
        fields.RemoveAll(f => f.Key == name);
        fields.Insert(index < 0 ? fields.Count : index, new(name, value));
        return fields;
    }

    public static List<KeyValuePair<string, string>> Without(this List<KeyValuePair<string, string>> fields, string name)
    {
        fields.RemoveAll(f => f.Key == name);
        return fields;
    }
}
