using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CustomerProcess.Domain.Attachments;
using CustomerProcess.Web.Tests.ReviewSpine;
using CustomerProcess.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Finding 10 of issue #21: an HTML page, SVG image or program renamed .pdf or .png was stored.</summary>
[Collection(AppCollection.Name)]
public sealed class UploadSignatureTests(AppFactory app)
{
    private readonly ReviewDriver _users = new(app);

    [Theory]
    [InlineData("invoice.pdf", "<html><body><script>alert(document.cookie)</script></body></html>")]
    [InlineData("photo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("scan.pdf", "MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode")]
    public async Task A_renamed_file_is_refused_with_a_message_and_nothing_is_stored(string fileName, string content)
    {
        var qstaff = await _users.As("qstaff");
        var created = await qstaff.SubmitAsync("/Complaints/Create",
            [new("CustomerCode", "C-0001"), new("Kind", "Complaint"), new("Channel", "Letter"), new("Severity", "Minor"), new("Description", "Renamed file"), new("ReceivedAt", "2026-11-23T08:30")]);
        var id = Guid.Parse(created.Location!.Split('/').Last());
        var pageUrl = $"/Complaints/Details/{id}";
        var page = await qstaff.GetAsync(pageUrl);
        var token = page.Document.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(nameof(AttachmentOwner.Complaint)), "ownerType" },
            { new StringContent(id.ToString()), "ownerId" },
            { new StringContent(pageUrl), "returnUrl" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.Latin1.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/png");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Attachments/Upload") { Content = form };
        request.Headers.AcceptLanguage.ParseAdd("en");

        using var uploaded = await qstaff.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var after = await qstaff.GetAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Contains("does not match", after.Document.QuerySelector("#flash-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.OwnerId == id)));
    }
}
