using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerProcess.Domain.Evidence;

/// <summary>The kinds of record an evidence pack holds; the manifest counts each.</summary>
public enum EvidenceRecordType
{
    ReviewForms,
    Contracts,
    Complaints,
    Returns,
    TaskNoticeAcknowledgements,
    SurveyResponses,
    AuditEntries,
}

public sealed record EvidenceFile(string Path, string Sha256, long Size);

/// <summary>
/// manifest.csv of an evidence pack: every file's path, SHA-256 (lower-case hex) and size in bytes, then the number of
/// records of each type. Two sections, each with its header, separated by an empty line; paths in the order written.
/// </summary>
public sealed class EvidenceManifest
{
    public const string FileName = "manifest.csv";
    public const string FilesHeader = "path,sha256,size";
    public const string CountsHeader = "record_type,count";
    public const string ScopesHeader = "record_type,scope";

    /// <summary>The scope of a record type that a department filter does not narrow (ADR 0042 amendment).</summary>
    public const string WholeScope = "whole";

    private readonly List<EvidenceFile> _files = [];
    private readonly Dictionary<EvidenceRecordType, int> _counts = Enum.GetValues<EvidenceRecordType>().ToDictionary(t => t, _ => 0);
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);
    private Dictionary<EvidenceRecordType, string>? _scopes;

    public IReadOnlyList<EvidenceFile> Files => _files;

    public IReadOnlyDictionary<EvidenceRecordType, int> Counts => _counts;

    public void AddFile(string path, string sha256, long size)
    {
        if (path.Contains(',', StringComparison.Ordinal) || path.Contains('"', StringComparison.Ordinal) || path.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A pack path has no comma, quote or line break.", nameof(path));
        }

        if (!_paths.Add(path))
        {
            throw new ArgumentException($"The pack already holds {path}.", nameof(path));
        }

        _files.Add(new EvidenceFile(path, sha256.ToLowerInvariant(), size));
    }

    public void Count(EvidenceRecordType type, int records = 1) => _counts[type] += records;

    /// <summary>Names, for a pack built for one department, what each record type's count covers: that department
    /// (<c>department &lt;code&gt;</c>) or the whole period (<see cref="WholeScope"/>); written as a third section.</summary>
    public void ScopeTo(string departmentCode, IReadOnlySet<EvidenceRecordType> departmental) =>
        _scopes = Enum.GetValues<EvidenceRecordType>().ToDictionary(t => t, t => departmental.Contains(t) ? "department " + departmentCode : WholeScope);

    public string ToCsv()
    {
        var text = new StringBuilder();
        text.Append(FilesHeader).Append('\n');
        foreach (var f in _files)
        {
            text.Append(f.Path).Append(',').Append(f.Sha256).Append(',').Append(f.Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append('\n').Append(CountsHeader).Append('\n');
        foreach (var type in Enum.GetValues<EvidenceRecordType>())
        {
            text.Append(type).Append(',').Append(_counts[type].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (_scopes is { } scopes)
        {
            text.Append('\n').Append(ScopesHeader).Append('\n');
            foreach (var type in Enum.GetValues<EvidenceRecordType>())
            {
                text.Append(type).Append(',').Append(scopes[type]).Append('\n');
            }
        }

        return text.ToString();
    }

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToCsv());

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The scopes section of a manifest (empty when the pack was not built for one department).</summary>
    public static IReadOnlyDictionary<string, string> ParseScopes(string csv) =>
        csv.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .SkipWhile(line => line != ScopesHeader).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    /// <summary>Reads a manifest back (the tests and an auditor's check): files and counts.</summary>
    public static (IReadOnlyList<EvidenceFile> Files, IReadOnlyDictionary<string, int> Counts) Parse(string csv)
    {
        var lines = csv.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var files = new List<EvidenceFile>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var section = 0;
        foreach (var line in lines)
        {
            if (line == FilesHeader)
            {
                section = 1;
                continue;
            }

            if (line == CountsHeader)
            {
                section = 2;
                continue;
            }

            if (line == ScopesHeader)
            {
                section = 3;
                continue;
            }

            if (line.Length == 0 || section == 3)
            {
                continue; // the scopes are read by ParseScopes
            }

            var parts = line.Split(',');
            if (section == 1 && parts.Length == 3)
            {
                files.Add(new EvidenceFile(parts[0], parts[1], long.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
            else if (section == 2 && parts.Length == 2)
            {
                counts[parts[0]] = int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else
            {
                throw new FormatException($"Not a manifest line: {line}");
            }
        }

        return (files, counts);
    }

    /// <summary>A record number or name as one safe path segment (letters, digits, '-', '_', '.'; others become '_').</summary>
    public static string Segment(string text)
    {
        var chars = text.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var segment = new string(chars).Trim('.');
        return segment.Length == 0 ? "_" : segment;
    }
}
