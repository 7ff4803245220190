using System.Runtime.Loader;

// No namespace: the runtime looks for a type named StartupHook in the global namespace (DOTNET_STARTUP_HOOKS).
/// <summary>The runtime's start-up hook (a type of this name in no namespace): loads this assembly before the app's
/// Main and lets a load by name find it.</summary>
#pragma warning disable CA1050 // the runtime looks for StartupHook in the global namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == self.GetName().Name ? self : null;
    }
}
