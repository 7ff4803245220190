using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>
/// The standing security probe of issue #21: every endpoint of the app is in <see cref="AuthorizationMatrix"/>,
/// and every principal (anonymous and one demo user per role) gets what the matrix says on every row.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed partial class RouteMatrixTests(RouteMatrixFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> RowKeys => new(AuthorizationMatrix.Rows.Select(r => r.Key));

    [Fact]
    public void Every_endpoint_of_the_app_has_a_row_in_the_matrix_and_every_row_an_endpoint()
    {
        var endpoints = Endpoints(fixture.App.Services);
        var rows = AuthorizationMatrix.Rows.Select(r => r.Key).ToList();

        var duplicates = rows.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = endpoints.Except(rows, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var stale = rows.Except(endpoints, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.True(duplicates.Count == 0, "Rows listed twice in AuthorizationMatrix: " + string.Join(", ", duplicates));
        Assert.True(missing.Count == 0, "Endpoints without a row in AuthorizationMatrix (add who may reach them):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "Rows of AuthorizationMatrix that match no endpoint of the app:\n" + string.Join("\n", stale));
    }

    [Theory]
    [MemberData(nameof(RowKeys))]
    public async Task Every_principal_is_let_through_or_stopped_as_the_matrix_says(string rowKey)
    {
        var row = AuthorizationMatrix.Rows.Single(r => r.Key == rowKey);
        var url = row.Url?.Invoke(fixture.Records) ?? Fill(row.Route);
        await CheckAsync(row, url, row.Form?.Invoke(fixture.Records), row.Access, onRecord: false);
    }

    /// <summary>Rows whose action checks the record: a GET of a real record (made by the fixture) as every principal.
    /// Allowed roles must get 200 on a GET (on a POST: not 403, not 404), the others 403.</summary>
    [Theory]
    [MemberData(nameof(RecordRowKeys))]
    public async Task Every_principal_reads_a_real_record_or_is_refused_as_the_matrix_says(string rowKey)
    {
        Assert.True(AuthorizationMatrix.ContractReviewDepartments.SequenceEqual(fixture.Records.ContractReviewDepartments),
            $"The fixture's contract was reviewed by {string.Join(", ", fixture.Records.ContractReviewDepartments)}; AuthorizationMatrix.ContractReviewDepartments says {string.Join(", ", AuthorizationMatrix.ContractReviewDepartments)}.");
        var row = AuthorizationMatrix.Rows.Single(r => r.Key == rowKey);
        await CheckAsync(row, row.OnRecord!.Url(fixture.Records), row.OnRecord.Form?.Invoke(fixture.Records), row.OnRecord.Access, onRecord: true);
    }

    public static TheoryData<string> RecordRowKeys => new(AuthorizationMatrix.Rows.Where(r => r.OnRecord is not null).Select(r => r.Key));

    private async Task CheckAsync(MatrixRow row, string url, IEnumerable<KeyValuePair<string, string>>? form, Access access, bool onRecord)
    {
        var method = row.Method is "GET" or "ANY" ? HttpMethod.Get : new HttpMethod(row.Method);
        var failures = new List<string>();
        var seen = new List<string>();
        foreach (var (principal, session) in fixture.Sessions)
        {
            var role = principal == RouteMatrixFixture.Anonymous ? null : principal;
            using var response = await session.SendAsync(method, url, form);
            var actual = Outcome(response);
            var reached = !onRecord ? "reached" : method == HttpMethod.Get ? "200" : "found";
            var expected = row.AnswersForbidden ? "403" : access.Allows(role) ? reached : role is null ? "login" : "403";
            var ok = expected switch
            {
                "reached" => actual is not ("403" or "login"),
                "found" => actual is not ("403" or "login" or "404"),
                _ => actual == expected,
            };
            seen.Add($"{principal}={(int)response.StatusCode}");
            if (!ok)
            {
                failures.Add($"{method} {url} as {principal}: expected {Describe(expected)}, got {(int)response.StatusCode}{(response.Headers.Location is { } l ? " → " + l.OriginalString : "")} (rule: {access})");
            }
        }

        output.WriteLine($"{row.Key} ({url}): {string.Join(" ", seen)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>"login" (the challenge redirect), "403", or the status code.</summary>
    private static string Outcome(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.Forbidden => "403",
        HttpStatusCode.Redirect when response.Headers.Location?.OriginalString is { } location
            && location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)
            && location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase) => "login",
        _ => ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Describe(string expected) => expected switch
    {
        "reached" => "to reach the action (not 403, not the login redirect)",
        "found" => "to reach the action on the record (not 403, not 404, not the login redirect)",
        "login" => "the redirect to the login page",
        _ => expected,
    };

    /// <summary>Random values for the placeholders: a record that does not exist, so reaching the action changes nothing.</summary>
    private static string Fill(string route) => Placeholder().Replace(route, m => m.Groups[1].Value switch
    {
        "department" => "Quality",
        "token" => "no-such-survey-token",
        "code" => "404",
        "number" => "1",
        _ => Guid.NewGuid().ToString(),
    });

    /// <summary>"METHOD /route" of every MVC action endpoint; an action without a method constraint is "ANY".</summary>
    public static IReadOnlyList<string> Endpoints(IServiceProvider services)
    {
        var actions = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<ControllerActionDescriptor>();
        var keys = new List<string>();
        foreach (var action in actions)
        {
            var route = action.AttributeRouteInfo?.Template is { } template
                ? "/" + Constraint().Replace(template.TrimStart('~', '/'), "{$1}")
                : $"/{action.ControllerName}/{action.ActionName}" + (action.Parameters.Any(p => p.Name == "id") ? "/{id}" : "");
            var methods = action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).ToList() ?? [];
            keys.AddRange(methods.Count == 0 ? [$"ANY {route}"] : methods.Select(m => $"{m} {route}"));
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
