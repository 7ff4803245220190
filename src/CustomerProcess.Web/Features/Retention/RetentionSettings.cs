using CustomerProcess.Domain.Retention;

namespace CustomerProcess.Web.Features.Retention;

/// <summary>Reads "Retention:&lt;Type&gt;:Years" (default 3) at start-up; a value below three years stops the start with a
/// message naming the setting (docs/process.md §11, ADR 0041).</summary>
public static class RetentionSettings
{
    public static RetentionPolicy Load(IConfiguration configuration)
    {
        var years = new Dictionary<RetentionRecordType, int>();
        foreach (var type in Enum.GetValues<RetentionRecordType>())
        {
            if (configuration.GetValue<int?>($"Retention:{type}:Years") is { } value)
            {
                years[type] = value;
            }
        }

        var created = RetentionPolicy.Create(years);
        if (!created.Succeeded)
        {
            var arguments = created.Error!.Arguments;
            throw new InvalidOperationException(
                $"Retention:{arguments[0]}:Years is {arguments[1]}, but records are kept at least {RetentionPolicy.MinimumYears} years (docs/process.md §11). Set it to {RetentionPolicy.MinimumYears} or more.");
        }

        return created.Value!;
    }
}
