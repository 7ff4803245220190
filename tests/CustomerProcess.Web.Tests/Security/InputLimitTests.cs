using System.Collections;
using System.Net;
using System.Reflection;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Issue #21 finding 7: inputs longer than their column are refused on the form, not stored (or a 500 on SQL Server).</summary>
[Collection(AppCollection.Name)]
public sealed class InputLimitTests(AppFactory app)
{
    private const int OverLong = 100_000;

    private readonly ReviewDriver _driver = new(app);

    [Fact]
    public async Task A_100000_character_customer_reference_on_the_order_form_gets_a_validation_message_and_stores_nothing()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var form = ReviewDriver.OrderForm(customer, 10, 100m, command: "save");
        form.Add(new("CustomerReference", new string('R', OverLong)));
        var sales = await _driver.As("sales");

        var result = await sales.SubmitAsync("/Orders/Create", form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("customer reference is too long", result.ErrorText, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.SalesOrders.AsNoTracking()
            .CountAsync(o => db.Customers.Any(c => c.Id == o.CustomerId && c.Code == customer)));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Submitting_an_order_due_before_today_shows_a_warning_and_submits_only_when_confirmed()
    {
        var customer = await _driver.CustomerAsync(CustomerClass.Regular);
        var form = ReviewDriver.OrderForm(customer, 10, 100m);
        form.RemoveAll(f => f.Key == "Lines[0].DeliveryDate");
        form.Add(new("Lines[0].DeliveryDate", "2026-11-22")); // the app's clock says 2026-11-23
        var sales = await _driver.As("sales");

        var result = await sales.SubmitAsync("/Orders/Create", form);

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.StartsWith("/Orders/Details/", result.Location, StringComparison.Ordinal);
        var orderId = Guid.Parse(result.Location!.Split('/').Last());
        Assert.Equal(Domain.Orders.OrderStatus.Draft, (await app.WithDbAsync(db => db.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId))).Status);
        var page = await sales.FollowAsync(result);
        var warning = page.Document.QuerySelector("#past-delivery") ?? throw new Xunit.Sdk.XunitException("No past-delivery warning on " + page.Text);
        Assert.Contains("before today", warning.TextContent, StringComparison.Ordinal);
        var confirm = warning.QuerySelector("form")!;

        var confirmed = await sales.PostAsync(confirm.GetAttribute("action")!, [new("confirmPastDelivery", "true")],
            confirm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.StartsWith("/Reviews/", confirmed.Location, StringComparison.Ordinal);
        Assert.NotEqual(Domain.Orders.OrderStatus.Draft, (await app.WithDbAsync(db => db.SalesOrders.AsNoTracking().SingleAsync(o => o.Id == orderId))).Status);
    }

    [Fact]
    public async Task A_100000_character_reason_posted_to_a_small_form_is_refused_with_a_message()
    {
        var sales = await _driver.As("sales");
        var token = await sales.TokenFromAsync("/Orders");
        var reason = new string('W', OverLong);

        var result = await sales.PostAsync($"/Orders/Withdraw/{Guid.NewGuid()}", [new("reason", reason)], token);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("A text is too long (at most 2000 characters).", result.Html, StringComparison.Ordinal);
    }

    /// <summary>Strings bound straight into an action's parameters (the small forms: reasons, notes) carry
    /// <c>[MaxLength]</c> with their column's constant; route values are exempt.</summary>
    [Fact]
    public void Every_string_parameter_of_a_post_action_has_a_length_limit()
    {
        var missing = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttributes<Microsoft.AspNetCore.Mvc.HttpPostAttribute>().Any())
                .SelectMany(m => m.GetParameters().Select(p => (Action: $"{t.Name}.{m.Name}", Template: RouteOf(t, m), Parameter: p))))
            .Where(x => x.Parameter.ParameterType == typeof(string)
                && !x.Template.Contains("{" + x.Parameter.Name, StringComparison.OrdinalIgnoreCase)
                && x.Parameter.GetCustomAttribute<System.ComponentModel.DataAnnotations.MaxLengthAttribute>() is null)
            .Select(x => $"{x.Action}({x.Parameter.Name})")
            .ToList();

        Assert.True(missing.Count == 0, "No [MaxLength]: " + string.Join(", ", missing));
    }

    private static string RouteOf(Type controller, MethodInfo method) =>
        (controller.GetCustomAttribute<Microsoft.AspNetCore.Mvc.RouteAttribute>()?.Template ?? "") + "/"
        + (method.GetCustomAttribute<Microsoft.AspNetCore.Mvc.HttpPostAttribute>()?.Template ?? "{id?}"); // conventional route: only {id} is a route value a parameter may take

    /// <summary>Every string a form binds into a validated <c>*Input</c> (and the rows of its lists) is refused when
    /// it is 100,000 characters long: a new input or field without a length rule fails here.</summary>
    [Fact]
    public void Every_string_field_of_every_validated_form_input_has_a_length_rule()
    {
        using var scope = app.Services.CreateScope();
        var inputTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Input", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        Assert.NotEmpty(inputTypes);
        var missing = new List<string>();
        var checkedFields = 0;
        foreach (var type in inputTypes)
        {
            var validator = (IValidator?)scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type));
            if (validator is null)
            {
                // Row inputs (order lines, scores) are validated by their parent's validator and checked through it.
                if (!inputTypes.Any(parent => parent != type && parent.GetProperties().Any(p => ElementType(p.PropertyType) == type)))
                {
                    missing.Add($"{type.Name} has no validator");
                }

                continue;
            }

            var instance = Activator.CreateInstance(type)!;
            var expected = Fill(instance, "");
            checkedFields += expected.Count;
            var result = validator.Validate(new ValidationContext<object>(instance));
            var refused = result.Errors.Select(e => e.PropertyName).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(expected.Where(name => !refused.Contains(name)).Select(name => $"{type.Name}.{name}"));
        }

        Assert.True(checkedFields > 50, $"Only {checkedFields} fields checked.");
        Assert.True(missing.Count == 0, "Accepted 100,000 characters: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task A_complaint_received_in_the_year_1_gets_a_validation_message_and_stores_nothing()
    {
        var quality = await _driver.As("quality");
        var description = "Year one " + Guid.NewGuid().ToString("N");

        var result = await quality.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Email"), new("Severity", "Minor"), new("Description", description), new("ReceivedAt", "0001-01-01T00:00")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The date must lie between 2000-01-01 and 2036-11-23.", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Complaints.AnyAsync(c => c.Description == description)));
    }

    /// <summary>The app's clock says 2026-11-23 (China time): the window is 2000-01-01 .. 2036-11-23, both ends included.</summary>
    [Theory]
    [InlineData("ComplaintReceivedAt", "1999-12-31", false)]
    [InlineData("ComplaintReceivedAt", "2000-01-01", true)]
    [InlineData("ComplaintReceivedAt", "2036-11-23", true)]
    [InlineData("ComplaintReceivedAt", "2036-11-24", false)]
    [InlineData("InvoiceIssuedOn", "1999-12-31", false)]
    [InlineData("InvoiceIssuedOn", "2000-01-01", true)]
    [InlineData("InvoiceIssuedOn", "2036-11-23", true)]
    [InlineData("InvoiceIssuedOn", "2036-11-24", false)]
    [InlineData("DelegationStartsOn", "1999-12-31", false)]
    [InlineData("DelegationStartsOn", "2000-01-01", true)]
    [InlineData("DelegationStartsOn", "2036-11-23", true)]
    [InlineData("DelegationStartsOn", "2036-11-24", false)]
    [InlineData("DelegationEndsOn", "1999-12-31", false)]
    [InlineData("DelegationEndsOn", "2000-01-01", true)]
    [InlineData("DelegationEndsOn", "2036-11-23", true)]
    [InlineData("DelegationEndsOn", "2036-11-24", false)]
    public void A_date_is_accepted_only_inside_the_sane_window(string field, string date, bool accepted)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        using var scope = app.Services.CreateScope();
        var (input, property) = field switch
        {
            "ComplaintReceivedAt" => ((object)new Features.Complaints.LogComplaint.Input { CustomerCode = "C-0001", Description = "x", ReceivedAt = day.ToDateTime(new TimeOnly(23, 59)) }, "ReceivedAt"),
            "InvoiceIssuedOn" => (new Features.Tracking.RecordInvoice.Input { Number = "FP-1", Amount = 1m, IssuedOn = day }, "IssuedOn"),
            "DelegationStartsOn" => (new Features.Delegations.GiveDelegation.Input { DepartmentCode = "Quality", ToUserId = "u", StartsOn = day, EndsOn = new DateOnly(2036, 11, 23) }, "StartsOn"),
            _ => (new Features.Delegations.GiveDelegation.Input { DepartmentCode = "Quality", ToUserId = "u", StartsOn = new DateOnly(2000, 1, 1), EndsOn = day }, "EndsOn"),
        };
        var validator = (IValidator)scope.ServiceProvider.GetRequiredService(typeof(IValidator<>).MakeGenericType(input.GetType()));

        var errors = validator.Validate(new ValidationContext<object>(input)).Errors
            .Where(e => e.PropertyName == property && e.ErrorMessage.Contains("2000-01-01", StringComparison.Ordinal)).ToList();

        Assert.Equal(accepted, errors.Count == 0);
    }

    /// <summary>Every date a validated form input binds is refused in the year 1 and the year 9999.</summary>
    [Fact]
    public void Every_date_field_of_every_validated_form_input_is_refused_outside_the_sane_window()
    {
        using var scope = app.Services.CreateScope();
        var missing = new List<string>();
        var checkedFields = 0;
        foreach (var type in typeof(Program).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Input", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
            {
                continue;
            }

            foreach (var year in new[] { 1, 9999 })
            {
                var instance = Activator.CreateInstance(type)!;
                var expected = FillDates(instance, "", year);
                checkedFields += expected.Count;
                var refused = validator.Validate(new ValidationContext<object>(instance)).Errors.Select(e => e.PropertyName).ToHashSet(StringComparer.Ordinal);
                missing.AddRange(expected.Where(name => !refused.Contains(name)).Select(name => $"{type.Name}.{name} ({year})"));
            }
        }

        Assert.True(checkedFields >= 30, $"Only {checkedFields} date fields checked.");
        Assert.True(missing.Count == 0, "Accepted: " + string.Join(", ", missing));
    }

    private static List<string> FillDates(object instance, string prefix, int year)
    {
        var names = new List<string>();
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(DateOnly))
            {
                property.SetValue(instance, new DateOnly(year, 1, 1));
                names.Add(prefix + property.Name);
            }
            else if (type == typeof(DateTime))
            {
                property.SetValue(instance, new DateTime(year, 1, 1, 12, 0, 0, DateTimeKind.Unspecified));
                names.Add(prefix + property.Name);
            }
            else if (ElementType(property.PropertyType) is { } row && row.Name.EndsWith("Input", StringComparison.Ordinal) && row.GetConstructor(Type.EmptyTypes) is not null)
            {
                var item = Activator.CreateInstance(row)!;
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(row))!;
                list.Add(item);
                property.SetValue(instance, list);
                names.AddRange(FillDates(item, $"{prefix}{property.Name}[0].", year));
            }
        }

        return names;
    }

    private static readonly HashSet<string> NotStored = new(StringComparer.Ordinal)
    {
        // A command button's value, compared to fixed words and never stored.
        "Command",
    };

    /// <summary>Sets every writable string property to an over-long value and adds one filled row to every list
    /// of row inputs; returns the property paths that should be refused.</summary>
    private static List<string> Fill(object instance, string prefix)
    {
        var names = new List<string>();
        foreach (var property in instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            if (property.PropertyType == typeof(string) && !NotStored.Contains(property.Name))
            {
                property.SetValue(instance, new string('x', OverLong));
                names.Add(prefix + property.Name);
            }
            else if (property.PropertyType == typeof(List<string>))
            {
                property.SetValue(instance, new List<string> { new('x', OverLong) });
                names.Add($"{prefix}{property.Name}[0]");
            }
            else if (ElementType(property.PropertyType) is { } row && row.Name.EndsWith("Input", StringComparison.Ordinal) && row.GetConstructor(Type.EmptyTypes) is not null)
            {
                var item = Activator.CreateInstance(row)!;
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(row))!;
                list.Add(item);
                property.SetValue(instance, list);
                names.AddRange(Fill(item, $"{prefix}{property.Name}[0]."));
            }
        }

        return names;
    }

    private static Type? ElementType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
}
