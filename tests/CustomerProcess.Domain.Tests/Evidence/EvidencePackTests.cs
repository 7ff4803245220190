using System.Security.Cryptography;
using System.Text;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Evidence;

namespace CustomerProcess.Domain.Tests.Evidence;

public sealed class EvidenceManifestTests
{
    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void The_manifest_lists_each_file_with_its_hash_and_size_in_order_then_the_count_of_every_record_type()
    {
        var manifest = new EvidenceManifest();
        manifest.AddFile("reviews/review-DD-2026-0001.pdf", Hash("a").ToUpperInvariant(), 1234);
        manifest.Count(EvidenceRecordType.ReviewForms);
        manifest.AddFile("ledger/contract-ledger.xlsx", Hash("b"), 99);
        manifest.Count(EvidenceRecordType.Contracts, 7);
        manifest.Count(EvidenceRecordType.Contracts, 0);

        var csv = manifest.ToCsv();

        Assert.Equal(
            "path,sha256,size\n" +
            $"reviews/review-DD-2026-0001.pdf,{Hash("a")},1234\n" +
            $"ledger/contract-ledger.xlsx,{Hash("b")},99\n" +
            "\n" +
            "record_type,count\n" +
            "ReviewForms,1\nContracts,7\nComplaints,0\nReturns,0\nTaskNoticeAcknowledgements,0\nSurveyResponses,0\nAuditEntries,0\n",
            csv);
        var (files, counts) = EvidenceManifest.Parse(csv);
        Assert.Equal(manifest.Files, files);
        Assert.Equal(7, counts["Contracts"]);
        Assert.Equal(Enum.GetValues<EvidenceRecordType>().Length, counts.Count);
        Assert.Equal(Hash(csv), EvidenceManifest.Sha256Hex(manifest.ToBytes()));
    }

    [Fact]
    public void A_path_twice_or_a_path_that_would_break_the_csv_is_refused()
    {
        var manifest = new EvidenceManifest();
        manifest.AddFile("a.pdf", Hash("a"), 1);
        Assert.Throws<ArgumentException>(() => manifest.AddFile("a.pdf", Hash("a"), 1));
        Assert.Throws<ArgumentException>(() => manifest.AddFile("b,c.pdf", Hash("a"), 1));
        Assert.Throws<ArgumentException>(() => manifest.AddFile("b\"c.pdf", Hash("a"), 1));
    }

    [Theory]
    [InlineData("DD-2026-0001", "DD-2026-0001")]
    [InlineData("HT 2026/7", "HT_2026_7")]
    [InlineData("../etc", "_etc")]
    [InlineData("客户", "__")]
    [InlineData("", "_")]
    public void A_record_number_becomes_one_safe_path_segment(string text, string segment) =>
        Assert.Equal(segment, EvidenceManifest.Segment(text));
}

public sealed class EvidencePackTests
{
    private static readonly DateTime Now = new(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly From = new(2026, 7, 1);

    private static Result<EvidencePack> Request(DateOnly from, DateOnly to) =>
        EvidencePack.Request(from, to, null, null, "zh-CN", "u1", "质量部 李", Now);

    [Theory]
    [InlineData(0, true)] // one day
    [InlineData(EvidencePack.MaxDays - 2, true)]
    [InlineData(EvidencePack.MaxDays - 1, true)] // exactly MaxDays days
    [InlineData(EvidencePack.MaxDays, false)]
    [InlineData(-1, false)] // ends before it starts
    public void A_period_of_one_day_up_to_the_longest_is_accepted(int lastDayOffset, bool accepted)
    {
        var result = Request(From, From.AddDays(lastDayOffset));
        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal(lastDayOffset < 0 ? EvidencePack.PeriodReversed.Code : EvidencePack.PeriodTooLong.Code, result.Error!.Code);
        }
    }

    [Fact]
    public void A_pack_is_queued_then_built_then_ready_and_never_moves_again()
    {
        var pack = Request(From, From.AddDays(91)).Value!;
        Assert.Equal((EvidencePackStatus.Queued, 0), (pack.Status, pack.Percent));
        Assert.False(pack.Complete("x.zip", 1, "h", Now).Succeeded);

        Assert.True(pack.Start(10, Now).Succeeded);
        Assert.False(pack.Start(10, Now).Succeeded);
        Assert.True(pack.Complete("x.zip", 2048, new string('a', 64), Now.AddMinutes(1)).Succeeded);
        Assert.Equal((EvidencePackStatus.Ready, 100, 2048L), (pack.Status, pack.Percent, pack.FileSize!.Value));
        Assert.Equal(EvidencePack.WrongStatus.Code, pack.Fail("late", Now).Error!.Code);
    }

    [Fact]
    public void A_failed_pack_keeps_its_error_cut_to_the_column()
    {
        var pack = Request(From, From).Value!;
        Assert.True(pack.Fail(new string('e', EvidencePack.ErrorLength + 10), Now).Succeeded);
        Assert.Equal((EvidencePackStatus.Failed, EvidencePack.ErrorLength), (pack.Status, pack.Error!.Length));
        Assert.False(pack.Start(1, Now).Succeeded);
    }

    [Theory]
    [InlineData(EvidencePackStatus.Queued, EvidencePackStatus.Building, true)]
    [InlineData(EvidencePackStatus.Queued, EvidencePackStatus.Failed, true)]
    [InlineData(EvidencePackStatus.Queued, EvidencePackStatus.Ready, false)]
    [InlineData(EvidencePackStatus.Building, EvidencePackStatus.Ready, true)]
    [InlineData(EvidencePackStatus.Building, EvidencePackStatus.Queued, false)]
    [InlineData(EvidencePackStatus.Ready, EvidencePackStatus.Failed, false)]
    [InlineData(EvidencePackStatus.Failed, EvidencePackStatus.Building, false)]
    public void The_transition_table_allows_only_forward_moves(EvidencePackStatus from, EvidencePackStatus to, bool allowed) =>
        Assert.Equal(allowed, EvidencePackTransitions.CanMove(from, to));

    [Theory]
    [InlineData(-1, false)] // a second short of the keeping time
    [InlineData(0, true)] // exactly the keeping time
    [InlineData(1, true)]
    public void A_ready_packs_file_expires_once_it_has_been_kept_the_set_days(int secondsAfter, bool expired)
    {
        var pack = Request(From, From).Value!;
        pack.Start(1, Now);
        pack.Complete("x.zip", 1, new string('a', 64), Now);

        Assert.Equal(expired, pack.FileExpired(Now.AddDays(7).AddSeconds(secondsAfter), 7));
    }

    [Fact]
    public void A_removed_file_is_noted_once_and_the_pack_stays_ready()
    {
        var pack = Request(From, From).Value!;
        Assert.False(pack.FileRemoved(Now).Succeeded); // queued: nothing to remove
        pack.Start(1, Now);
        pack.Complete("x.zip", 1, new string('a', 64), Now);

        Assert.True(pack.FileRemoved(Now.AddDays(8)).Succeeded);
        Assert.Equal((EvidencePackStatus.Ready, Now.AddDays(8)), (pack.Status, pack.FileRemovedAtUtc!.Value));
        Assert.False(pack.FileExpired(Now.AddDays(30), 7));
        Assert.Equal(EvidencePack.NotRemovable.Code, pack.FileRemoved(Now.AddDays(9)).Error!.Code);
    }
}
