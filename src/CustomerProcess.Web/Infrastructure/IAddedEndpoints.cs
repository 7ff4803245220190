namespace CustomerProcess.Web.Infrastructure;

/// <summary>
/// Routes that an assembly loaded at start-up adds to the app (a hosting startup registers one of these). The
/// app itself registers none; the load benchmark's reference endpoints (bench/CustomerProcess.Bench.References,
/// docs/adr/0045) are the one user, so that they are not part of the published app.
/// </summary>
public interface IAddedEndpoints
{
    void Map(WebApplication app);
}
