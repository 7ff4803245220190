namespace CustomerProcess.Web;

/// <summary>Marker for the shared UI strings (Resources/SharedResource.*.resx).
/// Keys are the English text; the zh-CN file holds the translations.</summary>
public sealed class SharedResource;
