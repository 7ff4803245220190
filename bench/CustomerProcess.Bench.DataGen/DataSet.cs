using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Complaints;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Reviews;

namespace CustomerProcess.Bench.DataGen;

internal sealed record Person(string Id, string Name);

/// <summary>The people the data set needs: the salesperson, the department heads, the deciders.</summary>
internal sealed record People(
    IReadOnlyList<Person> Salespeople, Person SalesManager, Person GeneralManager, Person ContractAdministrator, IReadOnlyDictionary<string, Person> Heads);

/// <summary>One order's records: the order (with its lines), its review (sections, signatures) and,
/// when signed, its contract (with its lines, versions, deliveries, invoices and payments) and any complaint about it.</summary>
internal sealed record OrderRecords(SalesOrder Order, Review? Review, Contract? Contract, Complaint? Complaint = null);

/// <summary>
/// Builds the records with the domain's own constructors and methods (the same moves the app makes:
/// capture, submit, rule-chosen level, each head signs, meeting, conclusion or GM approval, contract),
/// from one seeded random generator, so the same seed gives the same data set.
/// </summary>
internal sealed class DataSet(int seed, People people)
{
    /// <summary>The data set ends here (not "now"), so it does not depend on the day it is made.</summary>
    public static readonly DateOnly LastDay = new(2026, 11, 20);

    private static readonly string[] CityZh = ["上海", "江苏", "浙江", "山东", "广东", "天津", "河北", "湖北", "四川", "辽宁", "安徽", "福建"];
    private static readonly string[] WordZh = ["东方", "华宇", "恒通", "永盛", "中联", "宏达", "金泰", "瑞丰", "新科", "远大", "鼎盛", "海川", "天成", "博远", "万邦", "国泰"];
    private static readonly string[] KindZh = ["机械有限公司", "化工集团", "水务有限公司", "石化股份有限公司", "热电有限公司", "制药有限公司", "环保科技有限公司", "钢铁有限公司"];
    private static readonly string[] WordEn = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Adatum", "Woodgrove"];
    private static readonly string[] KindEn = ["Trading Ltd.", "Engineering GmbH", "Industries Inc.", "Process Systems", "Water Co."];
    private static readonly (string Zh, string En, string Unit)[] ProductKinds =
    [
        ("离心泵", "Centrifugal pump", "台"), ("不锈钢阀门", "Stainless steel valve", "个"), ("换热器", "Heat exchanger", "套"),
        ("压力容器", "Pressure vessel", "台"), ("管道过滤器", "Pipeline strainer", "个"), ("电动执行器", "Electric actuator", "台"),
        ("机械密封", "Mechanical seal", "套"), ("法兰", "Flange", "片"), ("控制柜", "Control cabinet", "面"), ("备件包", "Spare parts kit", "包"),
    ];

    private static readonly string[] Explicit =
    [
        "质量按 GB/T 3216 验收；交货期 30 天；含税价；货到付款 30 天。",
        "按图纸 DWG-{0} 制造；材质 304；出厂附材质证明和试验报告。",
        "Quality per ISO 9906 grade 2B; delivery within 45 days; price incl. VAT; payment 30 days net.",
        "包装：木箱；运输：汽运到厂；安装指导一次；质保 12 个月。",
    ];

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, int> _sequences = [];
    private readonly Dictionary<Guid, Person> _salesOf = [];

    public List<Product> Products { get; } = [];

    public List<(Customer Customer, long BasePrice, Person Sales)> Customers { get; } = [];

    public IReadOnlyDictionary<string, int> Sequences => _sequences;

    public void MakeCatalogue(int products, int customers)
    {
        for (var i = 0; i < products; i++)
        {
            var (zh, en, unit) = ProductKinds[i % ProductKinds.Length];
            var size = 25 + (i * 7 % 300);
            Products.Add(new Product(
                $"P-{1000 + i}", $"{zh} {size} 型", $"{en} type {size}", $"DN{size} PN{(i % 4 + 1) * 8}, {(i % 3 == 0 ? "316L" : "304")}",
                unit, isStandard: _random.NextDouble() < 0.8));
        }

        for (var i = 0; i < customers; i++)
        {
            var english = _random.NextDouble() < 0.12;
            var name = english
                ? $"{Pick(WordEn)} {Pick(KindEn)} #{i}"
                : $"{Pick(CityZh)}{Pick(WordZh)}{Pick(KindZh)}（{i}）";
            var customerClass = _random.NextDouble() switch
            {
                < 0.70 => CustomerClass.Regular,
                < 0.90 => CustomerClass.New,
                _ => CustomerClass.Partner,
            };
            // Each customer belongs to one salesperson; the first salesperson has the most customers.
            var sales = people.Salespeople[Math.Min(people.Salespeople.Count - 1, (int)(people.Salespeople.Count * Math.Pow(_random.NextDouble(), 1.3)))];
            var customer = new Customer($"C-{10000 + i}", name, customerClass, sales.Id);
            customer.UpdateDetails(
                name, $"{Pick(CityZh)}市工业园区 {_random.Next(1, 999)} 号", null, $"91{_random.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999)}",
                "30 天月结 / net 30", 30, null);
            customer.ApplyConfirmedFinanceTerms(new FinanceTerms(
                "中国工商银行", $"6222 {_random.Next(1000, 9999)} {_random.Next(1000, 9999)} {_random.Next(1000, 9999)}",
                _random.Next(1, 50) * 100_000m, (CreditRating)_random.Next(1, 4)));
            customer.AddContact($"联系人 {i}", "采购经理", $"+86 21 5555 {i % 10000:D4}", $"buyer{i}@example.com", isPrimary: true);
            // Typical unit prices are log-uniform between 100 and 20,000 yuan.
            Customers.Add((customer, (long)(100 * Math.Pow(200, _random.NextDouble())), sales));
            _salesOf[customer.Id] = sales;
        }
    }

    /// <summary>A contracted order: reviewed, signed by every section, decided, signed as a contract.</summary>
    public OrderRecords Contracted(DateOnly signedOn)
    {
        var created = signedOn.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddDays(-_random.Next(3, 40));
        var (order, customerClass) = NewOrder(created, forceFull: false);
        var review = Submit(order, customerClass, created.AddHours(2));
        var at = created.AddHours(3);
        if (order.IsOral)
        {
            Check(order.RecordOralConfirmation("客户采购 刘先生", ConfirmationMethod.Fax, at, people.Salespeople[0].Name));
        }

        foreach (var section in review.Sections.ToList())
        {
            at = at.AddMinutes(_random.Next(20, 600));
            var head = people.Heads[section.DepartmentCode];
            var conditional = _random.NextDouble() < 0.05;
            Check(review.Sign(
                section.DepartmentCode, head.Id, head.Name,
                conditional ? SectionConclusion.AcceptWithConditions : SectionConclusion.Accept,
                conditional ? "交期需延后一周，客户已口头同意。" : null,
                ReviewDepartments.Checklist(section.DepartmentCode), order.ContentVersion, order.ContentVersion, at));
        }

        if (review.Level == ReviewLevel.ReviewMeeting)
        {
            Check(review.RecordMeeting(DateOnly.FromDateTime(at), "销售部、质量部、生产部、采购部、技术部、财务部、总经理", "逐条评审合同条款，同意接单；交期按生产计划确认。"));
        }

        at = at.AddHours(1);
        if (review.Advance(at) && review.Status == ReviewStatus.AwaitingApproval)
        {
            Check(order.AwaitApproval());
        }

        var decided = review.RequiresGeneralManager
            ? review.Approve(people.GeneralManager.Id, people.GeneralManager.Name, null, order, at)
            : review.Conclude(people.SalesManager.Id, people.SalesManager.Name, null, order, at);
        Check(decided);
        Check(order.Approve(at));
        Check(order.MarkContracted());

        var number = DocumentSequence.Format("HT", signedOn.Year, Next("HT", signedOn.Year));
        var contract = new Contract(
            number, order.Id, review.Id, order.CustomerId, order.TotalMinor, order.Currency, signedOn,
            people.ContractAdministrator.Id, people.ContractAdministrator.Name,
            _random.NextDouble() < 0.4 ? $"PO-{_random.Next(100000, 999999)}" : null,
            signedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
        Check(contract.Open(
            order.Lines.Select((l, i) => new ContractLineData(i + 1, l.ProductId, l.Description, l.Specification, l.Quantity, l.Unit, l.UnitPrice, l.DeliveryDate, l.DeliveryPlace, l.Packaging)).ToList(),
            30, people.ContractAdministrator.Name, signedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)));
        Perform(contract, signedOn);
        return new OrderRecords(order, review, contract, MaybeComplaint(contract, signedOn));
    }

    /// <summary>
    /// Deliveries, invoices and payments as the contract's age allows (through the contract's own methods): contracts
    /// signed more than about half a year before the data set ends are delivered, invoiced and paid, so they
    /// complete (1 % are closed by hand part-delivered); younger ones are part-delivered or not yet delivered, some
    /// late, so the overdue filters find contracts; about 15 % of the middle-aged ones wait for a payment.
    /// </summary>
    private void Perform(Contract contract, DateOnly signedOn)
    {
        var age = LastDay.DayNumber - signedOn.DayNumber;
        var recorder = people.ContractAdministrator.Name;
        var deliveries = age > 200 ? 2 : age > 90 ? (_random.NextDouble() < 0.8 ? 2 : 1) : age > 30 ? (_random.NextDouble() < 0.5 ? 1 : 0) : 0;
        var invoiceNo = 0;
        for (var d = 0; d < deliveries; d++)
        {
            var lines = contract.LinePerformance();
            var due = lines.Where(l => l.Remaining > 0).Select(l => l.DeliveryDate ?? signedOn.AddDays(30)).DefaultIfEmpty(signedOn.AddDays(30)).Min();
            // About 10 % of deliveries are late by up to three weeks.
            var on = due.AddDays(_random.NextDouble() < 0.1 ? _random.Next(1, 22) : -_random.Next(0, 6));
            if (on <= signedOn)
            {
                on = signedOn.AddDays(1);
            }

            if (on > LastDay)
            {
                break;
            }

            var last = d == deliveries - 1 && age > 90;
            var quantities = lines.Where(l => l.Remaining > 0)
                .Select(l => new DeliveryQuantity(l.LineNo, last ? l.Remaining : Math.Max(1, decimal.Floor(l.Remaining / 2))))
                .Where(q => q.Quantity > 0).ToList();
            if (quantities.Count == 0)
            {
                break;
            }

            var at = on.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc);
            Check(contract.RecordDelivery(on, $"YD{_random.Next(10_000_000, 99_999_999)}", null, quantities, recorder, at));
            var toInvoice = contract.DeliveredMinor - contract.InvoicedMinor;
            if (toInvoice > 0)
            {
                invoiceNo++;
                Check(contract.RecordInvoice($"FP-{contract.Number}-{invoiceNo}", on, toInvoice, recorder, at.AddHours(2)));
                var paidOn = on.AddDays(_random.Next(10, 45));
                var waits = age <= 200 && _random.NextDouble() < 0.15;
                if (paidOn <= LastDay && !waits)
                {
                    Check(contract.RecordPayment(paidOn, toInvoice, $"BANK-{_random.Next(100000, 999999)}", recorder, paidOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc)));
                }
            }
        }

        if (contract.IsFullyDelivered && contract.IsFullyPaid)
        {
            var closed = contract.Payments.Select(p => p.ReceivedOn).DefaultIfEmpty(signedOn).Max();
            contract.CompleteWhenPerformed(closed);
        }
        else if (age > 200 && _random.NextDouble() < 0.01 && contract.Status == ContractStatus.Executing)
        {
            Check(contract.CloseManually("客户取消剩余数量 / remaining quantity cancelled by the customer", signedOn.AddDays(120)));
        }
    }

    private static readonly string[] ComplaintTexts =
    [
        "泵体密封处渗漏，现场运行 2 小时后发现。", "到货外包装破损，两台阀门法兰面有划伤。", "换热器出口温度达不到合同约定值。",
        "随货资料缺少材质证明。", "Actuator fails to close fully under 10 bar.", "交货延迟 9 天，影响客户停车检修计划。",
    ];

    /// <summary>About 2 % of contracts draw a complaint some weeks after delivery: old ones are investigated,
    /// answered (most within the window), their actions verified and closed; recent ones are still open.</summary>
    private Complaint? MaybeComplaint(Contract contract, DateOnly signedOn)
    {
        if (_random.NextDouble() >= 0.02)
        {
            return null;
        }

        var received = signedOn.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc).AddDays(_random.Next(30, 120)).AddMinutes(_random.Next(0, 600));
        var end = LastDay.ToDateTime(new TimeOnly(0, 0), DateTimeKind.Utc);
        if (received >= end)
        {
            return null;
        }

        var sales = _salesOf[contract.CustomerId];
        var severity = _random.NextDouble() switch { < 0.7 => ComplaintSeverity.Minor, < 0.95 => ComplaintSeverity.Major, _ => ComplaintSeverity.Critical };
        var complaint = new Complaint(
            DocumentSequence.Format("TS", received.Year, Next("TS", received.Year)), contract.CustomerId,
            _random.NextDouble() < 0.85 ? ComplaintKind.Complaint : ComplaintKind.Inquiry, (ComplaintChannel)_random.Next(0, 5), severity,
            Pick(ComplaintTexts), received, sales.Id, sales.Name, received.AddMinutes(30));
        complaint.Link(contract.Id, null, null);
        var quality = people.Heads[ReviewDepartments.Quality];
        var age = (end - received).TotalDays;
        if (age < 3)
        {
            return complaint;
        }

        Check(complaint.RecordInvestigation("原因分析：装配工序未按作业指导书检查。", (CauseCategory)_random.Next(0, 9), ReviewDepartments.Production));
        if (age < 10)
        {
            return complaint;
        }

        var answered = received.AddHours(_random.NextDouble() < 0.85 ? _random.Next(2, 70) : _random.Next(73, 200));
        Check(complaint.Answer("已派人现场处理并更换密封件。", ComplaintChannel.Email, answered, quality.Name, answered, ReviewDepartments.Quality));
        if (age < 40)
        {
            return complaint;
        }

        if (_random.NextDouble() < 0.5)
        {
            var action = complaint.AddAction("修订装配检验规程并培训。", quality.Id, quality.Name, DateOnly.FromDateTime(received).AddDays(30));
            Check(action);
            Check(complaint.CompleteAction(action.Value!.Id, "已完成培训。", received.AddDays(20)));
            Check(complaint.VerifyAction(action.Value!.Id, quality.Name, received.AddDays(25), ReviewDepartments.Quality));
        }

        Check(complaint.Close(quality.Name, received.AddDays(30), ReviewDepartments.Quality));
        return complaint;
    }

    /// <summary>An order under a full countersign review with every section still pending (for the signature benchmark).</summary>
    public OrderRecords PendingFullReview(DateTime created)
    {
        var (order, customerClass) = NewOrder(created, forceFull: true);
        var review = Submit(order, customerClass, created.AddHours(2));
        if (review.Level < ReviewLevel.FullCountersign)
        {
            throw new InvalidOperationException("A pending benchmark review must be a full countersign.");
        }

        return new OrderRecords(order, review, null);
    }

    /// <summary>An order that never became a contract: a draft, rejected by a section, or withdrawn.</summary>
    public OrderRecords NotContracted(DateTime created)
    {
        var (order, customerClass) = NewOrder(created, forceFull: false);
        var roll = _random.NextDouble();
        if (roll < 0.4)
        {
            return new OrderRecords(order, null, null);
        }

        var review = Submit(order, customerClass, created.AddHours(2));
        var at = created.AddHours(5);
        if (roll < 0.7)
        {
            foreach (var section in review.Sections.ToList())
            {
                var head = people.Heads[section.DepartmentCode];
                var reject = section.DepartmentCode == ReviewDepartments.Production;
                Check(review.Sign(
                    section.DepartmentCode, head.Id, head.Name, reject ? SectionConclusion.Reject : SectionConclusion.Accept,
                    reject ? "产能不足，无法满足交期。" : null, [], order.ContentVersion, order.ContentVersion, at));
            }

            if (review.Advance(at) && review.Status == ReviewStatus.Rejected)
            {
                Check(order.Reject(review.DecisionComment ?? "", at));
            }

            return new OrderRecords(order, review, null);
        }

        Check(review.Withdraw(people.Salespeople[0].Name, "客户撤回询价", at));
        Check(order.Withdraw("客户撤回询价", at));
        return new OrderRecords(order, review, null);
    }

    private (SalesOrder Order, CustomerClass Class) NewOrder(DateTime created, bool forceFull)
    {
        var (customer, basePrice, sales) = Customers[_random.Next(Customers.Count)];
        var number = DocumentSequence.Format("DD", created.Year, Next("DD", created.Year));
        var order = new SalesOrder(number, customer.Id, sales.Id, created);
        var channel = _random.NextDouble() switch
        {
            < 0.40 => OrderChannel.PurchaseOrder,
            < 0.65 => OrderChannel.WrittenContract,
            < 0.80 => OrderChannel.Email,
            < 0.85 => OrderChannel.Fax,
            < 0.90 => OrderChannel.Tender,
            < 0.95 => OrderChannel.Online,
            _ => OrderChannel.PhoneOral,
        };
        var novelty = forceFull
            ? ProductNovelty.NewProduct
            : _random.NextDouble() switch
            {
                < 0.75 => ProductNovelty.Standard,
                < 0.85 => ProductNovelty.RepeatReviewed,
                < 0.92 => ProductNovelty.NewProduct,
                < 0.97 => ProductNovelty.StableNewConditions,
                _ => ProductNovelty.Redesign,
            };
        var content = new OrderContent(
            channel, novelty,
            IsForeignTrade: _random.NextDouble() < 0.08,
            IsOem: _random.NextDouble() < 0.05,
            HasNonStandardClauses: _random.NextDouble() < 0.05,
            InvolvesSiteWork: _random.NextDouble() < 0.07,
            ExplicitRequirements: string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Explicit), _random.Next(1000, 9999)),
            ImpliedRequirements: _random.NextDouble() < 0.5 ? "满足行业通用的安全和耐久要求。" : null,
            StatutoryRequirements: _random.NextDouble() < 0.4 ? "符合 GB 150 压力容器法规及特种设备安全法。" : null,
            AdditionalRequirements: _random.NextDouble() < 0.3 ? "提供操作培训一次。" : null,
            SpecialTechnical: _random.NextDouble() < 0.04 ? "耐腐蚀涂层，盐雾试验 1000 小时。" : null,
            SpecialDelivery: null,
            SpecialPackaging: _random.NextDouble() < 0.1 ? "出口木箱，熏蒸。" : null,
            CustomerPropertyHandling: null,
            CustomerReference: _random.NextDouble() < 0.5 ? $"RFQ-{_random.Next(10000, 99999)}" : null);

        var lineCount = _random.NextDouble() switch
        {
            < 0.35 => 1,
            < 0.65 => 2,
            < 0.85 => 3,
            < 0.95 => 4,
            _ => 6,
        };
        var lines = new List<OrderLineData>();
        for (var i = 0; i < lineCount; i++)
        {
            var delivery = DateOnly.FromDateTime(created).AddDays(_random.Next(20, 90));
            var price = decimal.Round(basePrice * (decimal)(0.5 + _random.NextDouble()), 2);
            var quantity = (decimal)_random.Next(1, 21);
            if (_random.NextDouble() < 0.8)
            {
                var product = Products[_random.Next(Products.Count)];
                lines.Add(new OrderLineData(product.Id, product.NameZh, product.Specification, quantity, product.Unit, price, delivery, "买方工厂", null, null));
            }
            else
            {
                lines.Add(new OrderLineData(null, $"非标件 {_random.Next(100, 999)}", "按图纸 / per drawing", quantity, "件", price, delivery, "买方工厂", "木箱", "按图纸验收"));
            }
        }

        Check(order.UpdateDraft(content, lines));
        return (order, customer.Class);
    }

    private static Review Submit(SalesOrder order, CustomerClass customerClass, DateTime at)
    {
        Check(order.Submit(at));
        var thresholds = ReviewThresholds.Default;
        var decision = ReviewPolicy.Standard.Decide(OrderFacts.From(order, customerClass, isRepeatOfReviewedProducts: false), thresholds);
        return Review.Open(ReviewSubjectKind.SalesOrder, order.Id, decision, thresholds, order.ContentVersion, at);
    }

    private int Next(string prefix, int year)
    {
        var key = DocumentSequence.KeyFor(prefix, year);
        var value = _sequences.GetValueOrDefault(key) + 1;
        _sequences[key] = value;
        return value;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static void Check(Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The domain refused a generated step: {result.Error}");
        }
    }

    private static void Check<T>(Result<T> result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The domain refused a generated step: {result.Error}");
        }
    }
}
