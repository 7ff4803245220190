using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.CustomerProperty;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Surveys;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerProcess.Infrastructure.Seeding;

/// <summary>
/// Development demo records (issue #17, ADR 0030): a company's last few months — orders at every review level and
/// state, open discrepancies, contracts with deliveries, invoices, payments and an overdue payment, task notices half
/// acknowledged, complaints inside and past the answer clock, a survey campaign with answers — so that every role's
/// first screen shows work. Built through the Domain's methods (the rules and the audit trail hold), dated relative
/// to the injected clock, numbered by <see cref="DocumentNumbers"/>. Loaded once, in one transaction, only when
/// <c>DemoData:BusinessRecords</c> is on (appsettings.Development.json; off in the test factory) and the database
/// holds no order, contract or complaint yet.
/// </summary>
public static class DemoRecords
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Seeds the records; false when there was already business data (nothing is written then).</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.SalesOrders.AnyAsync(cancellationToken) || await db.Contracts.AnyAsync(cancellationToken) || await db.Complaints.AnyAsync(cancellationToken)
            || !await db.Users.AnyAsync(u => u.UserName == "gm", cancellationToken))
        {
            return false;
        }

        var seeder = new Seeder(db, services.GetRequiredService<DocumentNumbers>(), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await seeder.RunAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>How far an order's review goes.</summary>
    private enum Stage
    {
        Draft,
        SalesSigned,
        AllButFinanceWithDiscrepancies,
        AllSigned,
        Approved,
        RejectedByGeneralManager,
    }

    private sealed record Person(string Id, string Name);

    private sealed class Seeder(AppDbContext db, DocumentNumbers numbers, DateTime now)
    {
        private static readonly IReadOnlyDictionary<string, string> HeadOf = new Dictionary<string, string>
        {
            [ReviewDepartments.Sales] = "salesmanager",
            [ReviewDepartments.Quality] = "quality",
            [ReviewDepartments.Production] = "production",
            [ReviewDepartments.Purchasing] = "purchasing",
            [ReviewDepartments.Technical] = "technical",
            [ReviewDepartments.Finance] = "finance",
            [ReviewDepartments.Legal] = "legal",
            [ReviewDepartments.SafetyEnvironment] = "safety",
        };

        private Dictionary<string, Person> _people = [];
        private Dictionary<string, Customer> _customers = [];
        private Dictionary<string, Product> _products = [];

        private DateTime Ago(double days) => now.AddDays(-days);

        /// <summary>The China calendar day so many days ago (negative: ahead).</summary>
        private DateOnly Day(double days) => DateOnly.FromDateTime(now.AddDays(-days) + ChinaOffset);

        private Person P(string userName) => _people[userName];

        public async Task RunAsync(CancellationToken ct)
        {
            _people = await db.Users.AsNoTracking().Where(u => u.UserName != null)
                .ToDictionaryAsync(u => u.UserName!, u => new Person(u.Id, u.DisplayName), ct);
            await AddCustomersAsync(ct);
            _customers = await db.Customers.ToDictionaryAsync(c => c.Code, ct);
            _products = await db.Products.ToDictionaryAsync(p => p.Code, ct);

            // Contracts in execution: paid in part and overdue; delivered in part; just signed without its task notice.
            var overdue = await ContractAsync("C-0001", [("P-100", 40m, 3_800m, -20)], 112, 102, ct);
            await DeliverAsync(overdue, 64, [(1, 40m)], ct);
            await InvoiceAsync(overdue, "FP-" + Day(62).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), 62, 1.0m, ct);
            await PayAsync(overdue, 44, 0.5m, "电汇 TT-0412", ct);
            await NoticeAsync(overdue, 100, acknowledgeAll: true, ct);

            var partly = await ContractAsync("C-0002", [("P-300", 2m, 160_000m, -25), ("P-200", 20m, 520m, -25)], 58, 50, ct);
            await DeliverAsync(partly, 21, [(1, 1m), (2, 20m)], ct);
            await InvoiceAsync(partly, "FP-" + Day(19).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), 19, 0.5m, ct);
            await PayAsync(partly, 9, 0.5m, "银行承兑 BA-2211", ct);
            await NoticeAsync(partly, 48, acknowledgeAll: false, ct);

            // In date order, so that the numbers run with the dates as they would have.
            await OrderAsync("C-0005", [("P-300", 1m, 230_000m, 60)], 33, Stage.RejectedByGeneralManager, ct, foreignTrade: true);
            await ContractAsync("C-0003", [("P-200", 300m, 420m, 30)], 18, 12, ct);

            // Orders at every level and state.
            await OrderAsync("C-0001", [("P-200", 100m, 450m, 40)], 6, Stage.Approved, ct);
            var (withProperty, _) = await OrderAsync("C-0004", [("P-300", 5m, 260_000m, 120)], 6, Stage.SalesSigned, ct, nonStandardClauses: true, siteWork: true,
                customerProperty: "客户提供叶轮铸件 5 件及图纸 HX-IMP-300，加工后随泵返还。/ The customer supplies 5 impeller castings and drawing HX-IMP-300; they return machined in the pumps.");
            await PropertyAsync(withProperty, 5.5, ct);
            await OrderAsync("C-0002", [("P-100", 60m, 4_700m, 75)], 4, Stage.AllButFinanceWithDiscrepancies, ct);
            await OrderAsync("C-0001", [("P-100", 100m, 5_600m, 90)], 3, Stage.AllSigned, ct);
            await OrderAsync("C-0004", [("P-100", 10m, 3_900m, 30)], 2, Stage.AllSigned, ct);
            await OrderAsync("C-0004", [("P-200", 50m, 460m, 45)], 1, Stage.SalesSigned, ct);
            await OrderAsync("C-0001", [("P-200", 30m, 450m, 50)], 0.2, Stage.Draft, ct);

            await ComplaintsAsync(partly, ct);
            await SurveyAsync(ct);
        }

        private async Task AddCustomersAsync(CancellationToken ct)
        {
            var sales = P("sales").Id;
            var more = new[]
            {
                ("C-0004", "浙江恒信泵业有限公司", "浙江省杭州市滨江区江南大道 588 号", "91330100MA2H0000X1", 800_000m, CreditRating.A),
                ("C-0005", "Pacific Marine Engineering Pte. Ltd.", "12 Tuas Avenue, Singapore 639350", "201912345K", 300_000m, CreditRating.B),
            };
            foreach (var (code, name, address, tax, limit, rating) in more)
            {
                if (await db.Customers.AnyAsync(c => c.Code == code, ct))
                {
                    continue;
                }

                var customer = new Customer(code, name, code == "C-0004" ? CustomerClass.Regular : CustomerClass.New, sales);
                customer.UpdateDetails(name, address, null, tax, "30 天月结 / net 30", 30, null);
                customer.ApplyConfirmedFinanceTerms(new FinanceTerms("中国银行杭州分行", "6217 8500 0000 1234", limit, rating));
                customer.AddContact(code == "C-0004" ? "陈女士 Ms. Chen" : "Mr. Tan Wei Ming", "采购主管", "+86 571 8888 0202", $"{code.ToLowerInvariant()}@example.com", isPrimary: true);
                db.Customers.Add(customer);
            }

            await db.SaveChangesAsync(ct);
        }

        private async Task<SalesOrder> NewOrderAsync(string customerCode, IReadOnlyList<(string Product, decimal Quantity, decimal Price, int DueInDays)> lines,
            double daysAgo, bool nonStandardClauses, bool siteWork, bool foreignTrade, string? customerProperty, CancellationToken ct)
        {
            var created = Ago(daysAgo);
            var customer = _customers[customerCode];
            var order = new SalesOrder(await numbers.NextAsync("DD", (created + ChinaOffset).Year, ct), customer.Id, P("sales").Id, created);
            var content = new OrderContent(
                OrderChannel.PurchaseOrder, lines.Any(l => !_products[l.Product].IsStandard) ? ProductNovelty.StableNewConditions : ProductNovelty.Standard,
                foreignTrade, IsOem: false, nonStandardClauses, siteWork,
                "按图纸及技术协议供货，出厂检验报告随货 / per drawing and technical agreement, inspection report with the goods",
                "包装适合长途运输 / packed for long-distance transport", "GB/T 3216 泵的水力性能验收试验", null,
                siteWork ? "现场安装调试 / site installation and commissioning" : null, null, null, customerProperty,
                "PO-" + (created + ChinaOffset).ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture));
            var data = lines.Select(l =>
            {
                var product = _products[l.Product];
                return new OrderLineData(product.Id, product.NameZh, product.Specification, l.Quantity, product.Unit, l.Price,
                    Day(-l.DueInDays), customer.Address, "木箱 / wooden case", "按 GB/T 3216 验收");
            }).ToList();
            Must(order.UpdateDraft(content, data));
            db.SalesOrders.Add(order);
            return order;
        }

        private async Task<(SalesOrder Order, Review? Review)> OrderAsync(
            string customerCode, IReadOnlyList<(string Product, decimal Quantity, decimal Price, int DueInDays)> lines, double daysAgo, Stage stage,
            CancellationToken ct, bool nonStandardClauses = false, bool siteWork = false, bool foreignTrade = false, string? customerProperty = null)
        {
            var order = await NewOrderAsync(customerCode, lines, daysAgo, nonStandardClauses, siteWork, foreignTrade, customerProperty, ct);
            if (stage == Stage.Draft)
            {
                await db.SaveChangesAsync(ct);
                return (order, null);
            }

            var submitted = Ago(daysAgo - 0.05);
            Must(order.Submit(submitted));
            var decision = ReviewPolicy.Standard.Decide(OrderFacts.From(order, _customers[customerCode].Class, isRepeatOfReviewedProducts: false), ReviewThresholds.Default);
            var review = Review.Open(ReviewSubjectKind.SalesOrder, order.Id, decision, ReviewThresholds.Default, order.ContentVersion, submitted);
            db.Reviews.Add(review);

            var step = 0;
            DateTime Next() => Ago(daysAgo - (0.1 + (0.05 * ++step)));
            foreach (var section in review.Sections.ToList())
            {
                var department = section.DepartmentCode;
                if (stage == Stage.SalesSigned && department != ReviewDepartments.Sales)
                {
                    continue;
                }

                if (stage == Stage.AllButFinanceWithDiscrepancies && department is ReviewDepartments.Finance or ReviewDepartments.Technical)
                {
                    continue;
                }

                Sign(review, order, department, Next());
            }

            if (stage == Stage.AllButFinanceWithDiscrepancies)
            {
                // Technical's discrepancy is answered and waits for technical to confirm; finance's waits for the sales manager.
                var technical = P("technical");
                var raised = Must(review.RaiseDiscrepancy(ReviewDepartments.Technical, technical.Id, technical.Name, "技术参数 / technical data",
                    "扬程未注明工况点。/ The head is given without its duty point.", Next()));
                Must(review.ResolveDiscrepancy(raised.Id, "客户来函确认工况点 50 m³/h、32 m。/ The customer confirmed the duty point 50 m³/h at 32 m by letter.",
                    EvidenceType.Letter, "客户函 2026-118", changesContent: false, P("salesmanager").Name, order.ContentVersion, Next()));
                var finance = P("finance");
                Must(review.RaiseDiscrepancy(ReviewDepartments.Finance, finance.Id, finance.Name, "付款条件 / payment terms",
                    "预付款比例低于信用政策要求的 30%。/ The advance payment is below the 30 % the credit policy requires.", Next()));
            }

            if (review.Level == ReviewLevel.ReviewMeeting && stage is Stage.AllSigned or Stage.Approved or Stage.RejectedByGeneralManager)
            {
                Must(review.RecordMeeting(Day(daysAgo - 0.2), "陈总、李经理、张质量、孙技术、周财务", "评审会同意接单，交期按生产部意见。/ The meeting accepts the order; delivery as production proposes."));
            }

            Must(review.MoveOn(order, Next()));
            var gm = P("gm");
            if (stage == Stage.Approved)
            {
                var decided = review.Concluder == ReviewConcluder.GeneralManager
                    ? review.Approve(gm.Id, gm.Name, "同意。/ Approved.", order, Next())
                    : review.Conclude(P("salesmanager").Id, P("salesmanager").Name, "同意接单。/ Accepted.", order, Next());
                Must(decided);
                Must(review.MoveOn(order, Next()));
            }
            else if (stage == Stage.RejectedByGeneralManager && review.Concluder == ReviewConcluder.GeneralManager)
            {
                Must(review.RejectByGeneralManager(gm.Id, gm.Name, "交期无法保证，出口许可未落实。/ Delivery cannot be assured; the export licence is not in place.", Next()));
                Must(review.MoveOn(order, Next()));
            }

            await db.SaveChangesAsync(ct);
            return (order, review);
        }

        private void Sign(Review review, SalesOrder order, string department, DateTime at)
        {
            var head = P(HeadOf[department]);
            var conditional = department == ReviewDepartments.Production;
            Must(review.Sign(department, head.Id, head.Name, conditional ? SectionConclusion.AcceptWithConditions : SectionConclusion.Accept,
                conditional ? "交期需提前两周确认图纸。/ Drawings must be confirmed two weeks before the delivery date." : null,
                ReviewDepartments.Checklist(department), order.ContentVersion, order.ContentVersion, at));
        }

        /// <summary>An order reviewed, approved and signed as a contract <paramref name="signedDaysAgo"/> days ago.</summary>
        private async Task<Contract> ContractAsync(string customerCode, IReadOnlyList<(string Product, decimal Quantity, decimal Price, int DueInDays)> lines,
            double orderedDaysAgo, double signedDaysAgo, CancellationToken ct)
        {
            var (order, review) = await OrderAsync(customerCode, lines, orderedDaysAgo, Stage.Approved, ct);
            var signedAt = Ago(signedDaysAgo);
            var signedOn = Day(signedDaysAgo);
            var administrator = P("contracts");
            var customer = _customers[customerCode];
            var contract = new Contract(await numbers.NextAsync("HT", signedOn.Year, ct), order.Id, review!.Id, order.CustomerId, order.TotalMinor, order.Currency,
                signedOn, administrator.Id, administrator.Name, "KH-" + signedOn.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), signedAt);
            Must(order.MarkContracted());
            var contractLines = order.Lines.Select((l, i) => new ContractLineData(
                i + 1, l.ProductId, l.Description, l.Specification, l.Quantity, l.Unit, l.UnitPrice, l.DeliveryDate, l.DeliveryPlace, l.Packaging)).ToList();
            Must(contract.Open(contractLines, customer.PaymentTermDays, administrator.Name, signedAt));
            db.Contracts.Add(contract);
            CustomerPromotion.OnContractSigned(customer);
            await db.SaveChangesAsync(ct);
            return contract;
        }

        /// <summary>The castings the customer declared on the order: received, checked against the drawing, inspected and stored.</summary>
        private async Task PropertyAsync(SalesOrder order, double daysAgo, CancellationToken ct)
        {
            var quality = P("quality");
            var receivedOn = Day(daysAgo);
            var item = Must(CustomerPropertyItem.Register(await numbers.NextAsync("CP", receivedOn.Year, ct), order.CustomerId, order.Id, null, PropertyKind.Part,
                "叶轮铸件 / impeller casting HX-IMP-300", "图纸 HX-IMP-300 Rev.B / drawing HX-IMP-300 rev. B", 5m, 5m, "件", matchesSpecification: true, receivedOn,
                "随货清单 2 页 / packing list, 2 pages", quality.Id, quality.Name, Ago(daysAgo), Day(0)));
            Must(item.Inspect(true, "外观及尺寸抽检合格。/ Appearance and dimensions checked by sample: passed.", "原料库 A-03 / raw material store A-03",
                quality.Name, quality.Name, Ago(daysAgo - 0.1)));
            db.CustomerPropertyItems.Add(item);
            await db.SaveChangesAsync(ct);
        }

        private async Task DeliverAsync(Contract contract, double daysAgo, IReadOnlyList<(int Line, decimal Quantity)> quantities, CancellationToken ct)
        {
            Must(contract.RecordDelivery(Day(daysAgo), "TH-" + Day(daysAgo).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-" + (contract.Deliveries.Count + 1),
                "物流：德邦 / carrier Deppon", quantities.Select(q => new DeliveryQuantity(q.Line, q.Quantity)).ToList(), P("production").Name, Ago(daysAgo)));
            await db.SaveChangesAsync(ct);
        }

        private async Task InvoiceAsync(Contract contract, string number, double daysAgo, decimal share, CancellationToken ct)
        {
            Must(contract.RecordInvoice(number, Day(daysAgo), (long)(contract.AmountMinor * share), P("finance").Name, Ago(daysAgo)));
            await db.SaveChangesAsync(ct);
        }

        private async Task PayAsync(Contract contract, double daysAgo, decimal share, string reference, CancellationToken ct)
        {
            Must(contract.RecordPayment(Day(daysAgo), (long)(contract.AmountMinor * share), reference, P("finance").Name, Ago(daysAgo)));
            await db.SaveChangesAsync(ct);
        }

        /// <summary>The production task notice; all departments acknowledge, or only production and technical.</summary>
        private async Task NoticeAsync(Contract contract, double daysAgo, bool acknowledgeAll, CancellationToken ct)
        {
            var administrator = P("contracts");
            var departments = new[] { ReviewDepartments.Production, ReviewDepartments.Purchasing, ReviewDepartments.Quality, ReviewDepartments.Technical };
            var notice = Must(TaskNotice.Issue(await numbers.NextAsync("RW", (Ago(daysAgo) + ChinaOffset).Year, ct), NoticeKind.ProductionTask, contract, departments,
                null, "交期需提前两周确认图纸。/ Drawings must be confirmed two weeks before the delivery date.", "按合同交期排产。/ Schedule to the contract's dates.",
                null, null, administrator.Id, administrator.Name, Ago(daysAgo)));
            db.TaskNotices.Add(notice);
            var step = 0;
            foreach (var department in departments.Where(d => acknowledgeAll || d is ReviewDepartments.Production or ReviewDepartments.Technical))
            {
                var head = P(HeadOf[department]);
                Must(notice.Acknowledge(department, head.Id, head.Name, null, Ago(daysAgo - (0.2 * ++step))));
            }

            await db.SaveChangesAsync(ct);
        }

        private async Task ComplaintsAsync(Contract delivered, CancellationToken ct)
        {
            var quality = P("qstaff");
            var production = P("production");
            var head = P("quality");

            // Closed.
            var closed = await ComplaintAsync("C-0004", ComplaintSeverity.Minor, "询问备件交期。/ Asks for the spare parts' lead time.", 70, ct, ComplaintKind.Inquiry);
            Must(closed.Answer("备件两周内发出。/ Spares ship within two weeks.", ComplaintChannel.Phone, Ago(69.5), quality.Name, Ago(69.5)));
            Must(closed.Close(head.Name, Ago(69)));

            // Answered, the action done and waiting for quality to verify.
            var done = await ComplaintAsync("C-0003", ComplaintSeverity.Major, "阀门密封面划伤。/ Scratched valve sealing faces.", 40, ct);
            Must(done.RecordInvestigation("包装内衬缺失。/ The packing insert was missing.", CauseCategory.Packaging, ReviewDepartments.Production));
            var action = Must(done.AddAction("增加密封面保护盖。/ Add sealing-face protection caps.", production.Id, production.Name, Day(20)));
            Must(done.Answer("已更换并说明原因。/ Replaced, cause explained.", ComplaintChannel.Phone, Ago(38), quality.Name, Ago(38)));
            Must(done.CompleteAction(action.Id, "已采购保护盖并纳入包装规范。/ Caps bought and added to the packing standard.", Ago(10)));

            // Answered, a corrective action open with production.
            var open = await ComplaintAsync("C-0001", ComplaintSeverity.Minor, "随货资料缺少合格证。/ The certificate of conformity was missing from the shipment.", 24, ct);
            Must(open.RecordInvestigation("发货检查表缺项。/ The dispatch checklist lacked the item.", CauseCategory.Packaging, ReviewDepartments.Production));
            Must(open.AddAction("修订发货检查表并培训。/ Revise the dispatch checklist and train the packers.", production.Id, production.Name, Day(-7)));
            Must(open.Answer("已补寄合格证并致歉。/ The certificate was sent and we apologised.", ComplaintChannel.Email, Ago(23), quality.Name, Ago(23)));

            // Past the clock, investigated but not answered.
            var late = await ComplaintAsync("C-0002", ComplaintSeverity.Critical, "换热器试压渗漏，影响客户开车。/ The heat exchanger leaks under pressure test; the customer's start-up is held.", 5, ct);
            late.Link(delivered.Id, _products["P-300"].Id, "B-2026-118");
            Must(late.RecordInvestigation("焊缝未按工艺评定执行。/ The weld did not follow the qualified procedure.", CauseCategory.Process, ReviewDepartments.Production));

            // Inside the answer clock, not answered yet.
            await ComplaintAsync("C-0001", ComplaintSeverity.Major, "泵体铸件表面有砂眼，客户要求说明原因。/ Sand holes on the pump casing; the customer asks for the cause.", 0.8, ct);
            await db.SaveChangesAsync(ct);
        }

        private async Task<Complaint> ComplaintAsync(string customerCode, ComplaintSeverity severity, string description, double daysAgo, CancellationToken ct,
            ComplaintKind kind = ComplaintKind.Complaint)
        {
            var logger = P("qstaff");
            var complaint = new Complaint(await numbers.NextAsync("TS", (Ago(daysAgo) + ChinaOffset).Year, ct), _customers[customerCode].Id, kind, ComplaintChannel.Phone,
                severity, description, Ago(daysAgo), logger.Id, logger.Name, Ago(daysAgo - 0.01));
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync(ct);
            return complaint;
        }

        private async Task SurveyAsync(CancellationToken ct)
        {
            var last = Day(95);
            var quarter = ((last.Month - 1) / 3) + 1;
            var campaign = new SurveyCampaign($"{last.Year} 年第 {quarter} 季度顾客满意度调查", last.Year, quarter, P("salesmanager").Name, Ago(80));
            db.SurveyCampaigns.Add(campaign);
            var answers = new[]
            {
                ("C-0001", new[] { 5, 4, 5, 4, 5 }, "服务及时。/ Prompt service.", 70.0),
                ("C-0002", new[] { 4, 2, 4, 3, 4 }, "交期多次延误。/ Deliveries were late several times.", 66.0),
                ("C-0004", new[] { 5, 5, 4, 4, 5 }, (string?)null, 61.0),
            };
            foreach (var (code, scores, comments, daysAgo) in answers)
            {
                var byDimension = Enum.GetValues<SurveyDimension>().Select((d, i) => (d, scores[i])).ToDictionary(x => x.d, x => x.Item2);
                db.SurveyResponses.Add(new SurveyResponse(campaign.Id, _customers[code].Id, ResponseSource.PaperForm, byDimension, comments, Ago(daysAgo)));
            }

            await db.SaveChangesAsync(ct);
        }

        private static void Must(Result result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo records: {result.Error!.Code}");
            }
        }

        private static T Must<T>(Result<T> result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo records: {result.Error!.Code}");
            }

            return result.Value!;
        }
    }
}
