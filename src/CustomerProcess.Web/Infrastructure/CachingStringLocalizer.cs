using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// The framework's resource-file localizers, with every looked-up string kept per UI culture. The
/// framework's <see cref="ResourceManagerStringLocalizer"/> goes through <see cref="System.Resources.ResourceManager"/>
/// (a lock and several dictionary lookups) for each of the hundred or so labels a page shows; in traces
/// of the ledger page under load that was 3-10 % of the samples (bench/results/latest.md).
/// The resources are compiled into the assembly and never change while the app runs.
/// </summary>
public sealed class CachingStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggerFactory) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _inner = new(options, loggerFactory);
    private readonly ConcurrentDictionary<IStringLocalizer, IStringLocalizer> _wrapped = new(ReferenceEqualityComparer.Instance);

    public IStringLocalizer Create(Type resourceSource) => Wrap(_inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => Wrap(_inner.Create(baseName, location));

    // The inner factory keeps one localizer per resource; so does this one.
    private IStringLocalizer Wrap(IStringLocalizer inner) => _wrapped.GetOrAdd(inner, i => new CachingStringLocalizer(i));
}

public sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    /// <summary>Names come from views and code (some built from enum values), not from users; the bound is a guard.</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_strings.TryGetValue(key, out var found))
            {
                return found;
            }

            var localized = inner[name];
            if (_strings.Count < MaxEntries)
            {
                _strings.TryAdd(key, localized);
            }

            return localized;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            // As ResourceManagerStringLocalizer does: the format in the UI culture, the values in the culture.
            var format = this[name];
            var value = string.Format(CultureInfo.CurrentCulture, format.Value, arguments);
            return new LocalizedString(name, value, format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
