using System.Globalization;
using System.Text;
using QRCoder;

namespace CustomerProcess.Web.Infrastructure;

/// <summary>A QR code drawn on the server as an SVG image in a data URI (no script; the CSP allows data: images).</summary>
public static class QrSvg
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var svg = $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"{size * 5}\" height=\"{size * 5}\" shape-rendering=\"crispEdges\">"
            + $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}

/// <summary>What a user types from an authenticator app: digits, maybe with spaces or a dash.</summary>
public static class AuthenticatorCode
{
    /// <summary>Longer than any authenticator or recovery code with the spaces and dashes people type.</summary>
    public const int MaximumLength = 32;

    public static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    /// <summary>Six digits: an authenticator code; anything else is tried as a recovery code.</summary>
    public static bool IsAuthenticatorCode(string code)
    {
        var normalized = Normalize(code);
        return normalized.Length == 6 && normalized.All(char.IsAsciiDigit);
    }
}
