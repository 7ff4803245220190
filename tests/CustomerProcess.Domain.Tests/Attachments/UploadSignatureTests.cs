using System.Text;
using CustomerProcess.Domain.Attachments;

namespace CustomerProcess.Domain.Tests.Attachments;

/// <summary>Finding 10 of issue #21: the type of an upload was decided by its extension only.</summary>
public sealed class UploadSignatureTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F'];
    private static readonly byte[] Zip = [(byte)'P', (byte)'K', 3, 4, 20, 0, 6, 0];
    private static readonly byte[] Executable = Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0This program cannot be run in DOS mode");
    private static readonly byte[] Html = Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>");
    private static readonly byte[] Svg = Encoding.ASCII.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");

    public static TheoryData<string, byte[]> Genuine() => new()
    {
        { "contract.pdf", Pdf },
        { "photo.png", Png },
        { "photo.jpg", Jpeg },
        { "photo.JPEG", Jpeg },
        { "agreement.docx", Zip },
        { "figures.xlsx", Zip },
    };

    [Theory]
    [MemberData(nameof(Genuine))]
    public void A_file_whose_content_matches_its_extension_is_accepted(string fileName, byte[] content)
    {
        Assert.True(FileSignature.Matches(fileName, content));
        Assert.True(Attachment.Create(AttachmentOwner.Complaint, Guid.NewGuid(), fileName, content, null, "qstaff", DateTime.UtcNow).Succeeded);
    }

    public static TheoryData<string, byte[]> Disguised() => new()
    {
        { "invoice.pdf", Executable },
        { "invoice.pdf", Html },
        { "photo.png", Svg },
        { "photo.png", Jpeg },
        { "photo.jpg", Png },
        { "agreement.docx", Pdf },
        { "figures.xlsx", Html },
    };

    [Theory]
    [MemberData(nameof(Disguised))]
    public void A_file_whose_content_does_not_match_its_extension_is_refused(string fileName, byte[] content)
    {
        Assert.False(FileSignature.Matches(fileName, content));
        var created = Attachment.Create(AttachmentOwner.Complaint, Guid.NewGuid(), fileName, content, null, "qstaff", DateTime.UtcNow);
        Assert.Equal(Attachment.ContentMismatch.Code, created.Error!.Code);
    }

    [Theory]
    [InlineData("%PDF-", true)]  // exactly the signature
    [InlineData("%PDF", false)]  // one byte short
    [InlineData(" %PDF-1.7", false)] // not at the start
    [InlineData("%pdf-1.7", false)] // case matters
    public void The_signature_must_be_complete_and_at_the_start(string content, bool matches)
    {
        Assert.Equal(matches, FileSignature.Matches("a.pdf", Encoding.ASCII.GetBytes(content)));
    }

    [Fact]
    public void A_png_signature_with_one_byte_wrong_is_refused()
    {
        var almost = (byte[])Png.Clone();
        almost[7] = 0x0B;
        Assert.False(FileSignature.Matches("a.png", almost));
        Assert.False(FileSignature.Matches("a.png", Png.AsSpan(0, 7).ToArray()));
    }

    [Theory]
    [InlineData("drawing.svg")]
    [InlineData("page.html")]
    [InlineData("page.htm")]
    [InlineData("tool.exe")]
    public void Svg_html_and_other_types_are_refused_by_their_extension(string fileName)
    {
        var created = Attachment.Create(AttachmentOwner.Complaint, Guid.NewGuid(), fileName, Png, null, "qstaff", DateTime.UtcNow);
        Assert.Equal(Attachment.NotAllowed.Code, created.Error!.Code);
    }
}
