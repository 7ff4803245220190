using CustomerProcess.Infrastructure.Runtime;

namespace CustomerProcess.Web.Tests.Foundation;

public sealed class NativeHeapTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void On_linux_with_glibc_the_three_allocator_settings_are_accepted()
    {
        Assert.True(OperatingSystem.IsLinux(), "the build and benchmark machines run Linux (glibc)");

        var applied = NativeHeap.Tune(Environment());

        Assert.Equal(["MALLOC_ARENA_MAX=2", "MALLOC_MMAP_THRESHOLD_=131072", "MALLOC_TRIM_THRESHOLD_=131072"], applied);
    }

    [Fact]
    public void A_setting_the_operator_gave_in_the_environment_is_left_to_glibc()
    {
        var applied = NativeHeap.Tune(Environment(("MALLOC_ARENA_MAX", "4"), ("MALLOC_TRIM_THRESHOLD_", "1048576")));

        Assert.Equal(["MALLOC_MMAP_THRESHOLD_=131072"], applied);
    }

    [Fact]
    public void Glibc_malloc_tunables_in_the_environment_turn_the_tuning_off()
    {
        var applied = NativeHeap.Tune(Environment(("GLIBC_TUNABLES", "glibc.malloc.arena_max=8")));

        Assert.Empty(applied);
    }
}
