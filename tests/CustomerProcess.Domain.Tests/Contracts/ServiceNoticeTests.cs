using CustomerProcess.Domain.Contracts;

namespace CustomerProcess.Domain.Tests.Contracts;

public sealed class ServiceNoticeTests
{
    private static readonly DateTime Now = ContractTestData.Now;

    [Fact]
    public void A_service_notice_closes_only_after_a_site_record_and_then_takes_no_more()
    {
        var notice = new ServiceNotice("JF-2026-0001", Guid.NewGuid(), "上海浦东工地", "安装调试 / installation and commissioning", null, "Lin", Now);

        Assert.Equal("service.no-record", notice.Close("done", "Sun", Now).Error!.Code);
        Assert.True(notice.AddSiteRecord(new DateOnly(2027, 4, 2), "法兰渗漏", "更换垫片", "试压合格", "Sun", Now).Succeeded);
        Assert.True(notice.Close("安装完成", "Sun", Now).Succeeded);

        Assert.Equal(ServiceNoticeStatus.Closed, notice.Status);
        Assert.Equal("service.closed", notice.AddSiteRecord(new DateOnly(2027, 4, 3), "p", "t", "r", "Sun", Now).Error!.Code);
    }
}
