using System.Net;
using System.Net.Http.Headers;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Attachments;

[Collection(AppCollection.Name)]
public sealed class AttachmentTests(AppFactory app)
{
    private readonly ReviewDriver _users = new(app);

    private static async Task<HttpResponseMessage> UploadAsync(BrowserLikeClient client, string pageUrl, AttachmentOwner owner, Guid ownerId, string fileName, byte[] bytes)
    {
        var page = await client.GetAsync(pageUrl);
        var token = page.Document.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(owner.ToString()), "ownerType" },
            { new StringContent(ownerId.ToString()), "ownerId" },
            { new StringContent(pageUrl), "returnUrl" },
            { new StringContent("客户来函 / customer letter"), "description" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Attachments/Upload") { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return await client.Http.SendAsync(request);
    }

    private async Task<Guid> ComplaintAsync(string customerCode)
    {
        var client = await _users.As("qstaff");
        var result = await client.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", customerCode), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Minor"), new("Description", "Scratches"), new("ReceivedAt", "2026-11-23T08:30")]);
        return Guid.Parse(result.Location!.Split('/').Last());
    }

    [Fact]
    public async Task A_photo_attached_to_a_complaint_is_listed_downloaded_and_recorded_in_the_history()
    {
        var id = await ComplaintAsync("C-0001");
        var quality = await _users.As("qstaff");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

        var uploaded = await UploadAsync(quality, $"/Complaints/Details/{id}", AttachmentOwner.Complaint, id, "划痕照片.png", png);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var page = await quality.GetAsync($"/Complaints/Details/{id}");
        var link = page.Document.QuerySelector($"#attachments-{id} a")!;
        Assert.Equal("划痕照片.png", link.TextContent);
        var download = await quality.Http.GetAsync(link.GetAttribute("href"));
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Attachment" && a.Field == "Sha256")));
    }

    [Fact]
    public async Task A_file_of_a_forbidden_type_is_refused_with_a_message()
    {
        var id = await ComplaintAsync("C-0001");
        var quality = await _users.As("qstaff");

        var uploaded = await UploadAsync(quality, $"/Complaints/Details/{id}", AttachmentOwner.Complaint, id, "script.exe", [1, 2, 3]);

        var page = await quality.GetAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Contains("Only PDF, JPEG, PNG, Word and Excel files", page.Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.OwnerId == id)));
    }

    [Fact]
    public async Task Someone_who_cannot_read_the_record_can_neither_download_nor_attach()
    {
        var code = await _users.CustomerAsync(CustomerClass.Regular); // not owned by the demo salesperson
        var id = await ComplaintAsync(code);
        var quality = await _users.As("qstaff");
        await UploadAsync(quality, $"/Complaints/Details/{id}", AttachmentOwner.Complaint, id, "letter.pdf", [0x25, 0x50, 0x44, 0x46, 0x2D]);
        var attachmentId = await app.WithDbAsync(db => db.Attachments.Where(a => a.OwnerId == id).Select(a => a.Id).SingleAsync());

        var sales = await _users.As("sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync($"/Attachments/Download/{attachmentId}")).Status);
        var forged = await UploadAsync(sales, "/Customers", AttachmentOwner.Complaint, id, "fake.pdf", [0x25, 0x50]);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.OwnerId == id)));
    }
}
