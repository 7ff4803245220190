using System.Net;
using System.Net.Http.Headers;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Security;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Foundation;

/// <summary>Products, departments, users, delegations and attachments as use cases (issue #15): each one's
/// validator through its real form (the message, no 500, nothing written) and the refusals from the attacker's side.</summary>
[Collection(AppCollection.Name)]
public sealed class AdministrationUseCaseTests(AppFactory app)
{
    private readonly ReviewDriver _users = new(app);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task A_new_product_without_names_and_unit_shows_the_validators_messages_and_stores_nothing()
    {
        var admin = await _users.As("admin");
        var code = Unique("PV-");

        var result = await admin.SubmitAsync("/Products/Create", [new("Code", code), new("NameZh", ""), new("NameEn", ""), new("Unit", "")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Enter the Chinese name.", result.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Enter the English name.", result.ErrorText, StringComparison.Ordinal);
        Assert.Contains("Enter the unit.", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Products.AnyAsync(p => p.Code == code)));
    }

    [Fact]
    public async Task A_second_product_with_a_used_code_is_refused_with_the_message_and_the_first_stays()
    {
        var admin = await _users.As("admin");
        var code = Unique("PD-");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync("/Products/Create", [new("Code", code), new("NameZh", "阀"), new("NameEn", "Valve"), new("Unit", "台")])).Status);

        var second = await admin.SubmitAsync("/Products/Create", [new("Code", code), new("NameZh", "泵"), new("NameEn", "Pump"), new("Unit", "台")]);

        Assert.NotEqual(HttpStatusCode.Redirect, second.Status);
        Assert.NotEqual(HttpStatusCode.InternalServerError, second.Status);
        Assert.Contains($"The product code {code} is already used.", second.ErrorText, StringComparison.Ordinal);
        Assert.Equal("Valve", await app.WithDbAsync(db => db.Products.Where(p => p.Code == code).Select(p => p.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task A_product_edit_without_the_english_name_shows_the_message_and_changes_nothing()
    {
        var admin = await _users.As("admin");
        var code = Unique("PE-");
        await admin.SubmitAsync("/Products/Create", [new("Code", code), new("NameZh", "阀"), new("NameEn", "Valve"), new("Unit", "台")]);
        var id = await app.WithDbAsync(db => db.Products.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

        var result = await admin.SubmitAsync($"/Products/Edit/{id}", [new("NameZh", "新阀"), new("NameEn", ""), new("Unit", "台")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Enter the English name.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal("阀", await app.WithDbAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.NameZh).SingleAsync()));
    }

    [Fact]
    public async Task Product_changes_for_an_unknown_id_are_404_and_a_salesperson_cannot_deactivate_a_product()
    {
        var admin = await _users.As("admin");
        var sales = await _users.As("sales");
        var code = Unique("PT-");
        await admin.SubmitAsync("/Products/Create", [new("Code", code), new("NameZh", "阀"), new("NameEn", "Valve"), new("Unit", "台")]);
        var id = await app.WithDbAsync(db => db.Products.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
        var adminToken = await admin.TokenFromAsync("/Products");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/Products/ToggleActive/{Guid.NewGuid()}", [], adminToken)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/Products/Edit/{Guid.NewGuid()}", [new("NameZh", "x"), new("NameEn", "x"), new("Unit", "x")], adminToken)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync($"/Products/ToggleActive/{id}", [], await sales.TokenFromAsync("/Products"))).Status);
        Assert.True(await app.WithDbAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.IsActive).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync($"/Products/ToggleActive/{id}", [], adminToken)).Status);
        Assert.False(await app.WithDbAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task A_new_department_with_a_code_that_is_not_letters_and_digits_shows_the_message_and_stores_nothing()
    {
        var admin = await _users.As("admin");

        var result = await admin.SubmitAsync("/Departments/Create", [new("Code", "1-bad"), new("NameZh", "测试部"), new("NameEn", "Test")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The department code may contain only letters and digits.", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Departments.AnyAsync(d => d.Code == "1-bad")));
    }

    [Fact]
    public async Task A_department_edit_without_the_chinese_name_shows_the_message_and_changes_nothing()
    {
        var admin = await _users.As("admin");
        var id = await app.WithDbAsync(db => db.Departments.Where(d => d.Code == "Finance").Select(d => d.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.Departments.Where(d => d.Id == id).Select(d => d.NameEn).SingleAsync());

        var result = await admin.SubmitAsync($"/Departments/Edit/{id}", [new("NameZh", ""), new("NameEn", "Changed")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Enter the Chinese name.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Departments.Where(d => d.Id == id).Select(d => d.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task A_new_user_with_a_space_in_the_user_name_shows_the_message_and_stores_nothing()
    {
        var admin = await _users.As("admin");

        var result = await admin.SubmitAsync("/Users/Create",
            [new("UserName", "two words"), new("DisplayName", "Two Words"), new("Roles", Roles.Sales), new("Password", "a long enough pass")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The user name may contain only letters, digits and - . _ @ +", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "two words")));
    }

    [Fact]
    public async Task A_new_user_with_a_taken_user_name_shows_identitys_message_and_the_existing_account_stays()
    {
        var admin = await _users.As("admin");

        var result = await admin.SubmitAsync("/Users/Create",
            [new("UserName", "finance"), new("DisplayName", "Impostor"), new("Roles", Roles.Administrator), new("Password", "a long enough pass")]);

        Assert.NotEqual(HttpStatusCode.Redirect, result.Status);
        Assert.NotEqual(HttpStatusCode.InternalServerError, result.Status);
        Assert.Contains("The account was not saved:", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == "FINANCE")));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "Impostor")));
    }

    [Fact]
    public async Task A_user_edit_without_any_role_shows_the_message_and_changes_nothing()
    {
        var admin = await _users.As("admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "purchasing").Select(u => u.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync());

        var result = await admin.SubmitAsync($"/Users/Edit/{id}", [new("DisplayName", "Nobody")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Choose at least one role.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task A_password_reset_with_two_different_passwords_shows_the_message_and_keeps_the_old_password()
    {
        var admin = await _users.As("admin");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "safety").Select(u => u.Id).SingleAsync());
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());

        var result = await admin.SubmitAsync($"/Users/ResetPassword/{id}", [new("NewPassword", "a brand new password"), new("ConfirmPassword", "another new password")]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The two passwords do not match.", result.ErrorText, StringComparison.Ordinal);
        Assert.Equal(hash, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task A_password_reset_or_deactivation_of_an_unknown_user_is_404()
    {
        var admin = await _users.As("admin");
        var token = await admin.TokenFromAsync("/Users");
        var nobody = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/Users/ResetPassword/{nobody}", [new("NewPassword", "a brand new password"), new("ConfirmPassword", "a brand new password")], token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/Users/SetActive/{nobody}?active=false", [new("Confirmed", "true")], token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/Users/Edit/{nobody}", [new("DisplayName", "x"), new("Roles", Roles.Sales)], token)).Status);
    }

    [Fact]
    public async Task A_delegation_ending_before_it_starts_shows_the_message_and_stores_nothing()
    {
        var quality = await _users.As("quality");
        var deputy = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "qstaff").Select(u => u.Id).SingleAsync());
        var note = Unique("backwards ");

        var result = await quality.SubmitAsync("/Delegations",
            [new("DepartmentCode", "Quality"), new("ToUserId", deputy), new("StartsOn", "2026-12-10"), new("EndsOn", "2026-12-01"), new("Note", note)]);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("The end date must not be before the start date.", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DepartmentDelegations.AnyAsync(d => d.Note == note)));
    }

    [Fact]
    public async Task A_head_cannot_delegate_the_signature_of_a_department_they_do_not_head_with_a_valid_or_a_broken_form()
    {
        var production = await _users.As("production");
        var deputy = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "qstaff").Select(u => u.Id).SingleAsync());
        var token = await production.TokenFromAsync("/Delegations");
        var note = Unique("not mine ");

        var valid = await production.PostAsync("/Delegations",
            [new("DepartmentCode", "Quality"), new("ToUserId", deputy), new("StartsOn", "2026-12-01"), new("EndsOn", "2026-12-10"), new("Note", note)], token);
        var broken = await production.PostAsync("/Delegations",
            [new("DepartmentCode", "Quality"), new("ToUserId", ""), new("StartsOn", "2026-12-10"), new("EndsOn", "2026-12-01"), new("Note", note)], token);

        Assert.Equal(HttpStatusCode.Forbidden, valid.Status);
        Assert.Equal(HttpStatusCode.Forbidden, broken.Status);
        Assert.False(await app.WithDbAsync(db => db.DepartmentDelegations.AnyAsync(d => d.Note == note)));
    }

    [Fact]
    public async Task A_head_cannot_delegate_to_themselves_and_nothing_is_stored()
    {
        var quality = await _users.As("quality");
        var self = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "quality").Select(u => u.Id).SingleAsync());
        var token = await quality.TokenFromAsync("/Delegations");
        var note = Unique("self ");

        var result = await quality.PostAsync("/Delegations",
            [new("DepartmentCode", "Quality"), new("ToUserId", self), new("StartsOn", "2026-12-01"), new("EndsOn", "2026-12-10"), new("Note", note)], token);

        Assert.NotEqual(HttpStatusCode.Redirect, result.Status);
        Assert.NotEqual(HttpStatusCode.InternalServerError, result.Status);
        Assert.Contains("Choose someone other than yourself.", result.ErrorText, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DepartmentDelegations.AnyAsync(d => d.Note == note)));
    }

    [Fact]
    public async Task An_upload_with_an_overlong_description_is_refused_with_the_message_and_stores_nothing()
    {
        var qstaff = await _users.As("qstaff");
        var logged = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Minor"), new("Description", "Dents"), new("ReceivedAt", "2026-11-23T08:30")]);
        var id = Guid.Parse(logged.Location!.Split('/').Last());
        var pageUrl = $"/Complaints/Details/{id}";
        var token = await qstaff.TokenFromAsync(pageUrl);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(nameof(AttachmentOwner.Complaint)), "ownerType" },
            { new StringContent(id.ToString()), "ownerId" },
            { new StringContent(pageUrl), "returnUrl" },
            { new StringContent(new string('d', Attachment.DescriptionLength + 1)), "description" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent([0x25, 0x50, 0x44, 0x46, 0x2D]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", "letter.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Attachments/Upload") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("en");

        using var response = await qstaff.Http.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"got {(int)response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.OwnerId == id)));
    }
}
