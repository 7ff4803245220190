using System.Diagnostics;
using System.Globalization;
using CustomerProcess.Bench.DataGen;
using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Contracts;
using CustomerProcess.Domain.Customers;
using CustomerProcess.Domain.Orders;
using CustomerProcess.Domain.Products;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Security;
using CustomerProcess.Infrastructure.Auditing;
using CustomerProcess.Infrastructure.Identity;
using CustomerProcess.Infrastructure.Persistence;
using CustomerProcess.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Usage: DataGen --out FILE.db --contracts N [--pending P] [--seed S]   |   DataGen --count-signed FILE.db
// Writes FILE.db, FILE.db.pending.tsv (reviews whose sections are pending, for the signature
// benchmark) and FILE.db.env (ids the benchmark script requests).
if (args is ["--count-signed", var countPath])
{
    // For bench/run.sh: how many sections are signed (each successful signature POST signs one).
    await using var counting = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={countPath};Mode=ReadOnly").Options);
    Console.WriteLine(await counting.ReviewSections.CountAsync(s => s.Status == SectionStatus.Signed));
    return 0;
}

var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "", StringComparer.Ordinal);
var path = Path.GetFullPath(options.GetValueOrDefault("out") ?? throw new ArgumentException("--out FILE.db is required"));
var contracts = int.Parse(options.GetValueOrDefault("contracts", "10000"), CultureInfo.InvariantCulture);
var pending = int.Parse(options.GetValueOrDefault("pending", "1500"), CultureInfo.InvariantCulture);
var seed = int.Parse(options.GetValueOrDefault("seed", "20261123"), CultureInfo.InvariantCulture);
if (contracts is < 100 or > 2_000_000 || pending is < 0 or > 100_000)
{
    throw new ArgumentException("--contracts 100..2000000, --pending 0..100000");
}

var clock = Stopwatch.StartNew();
foreach (var suffix in new[] { "", "-wal", "-shm", ".pending.tsv", ".env" })
{
    File.Delete(path + suffix);
}

var connectionString = $"Data Source={path}";

// 1. The app's own start-up path: migrations, roles, departments, the demo users and their department heads.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark", DisableDefaults = true });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Default"] = connectionString,
    ["Database:Provider"] = "Sqlite",
    ["DemoData:Enabled"] = "true",
});
builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ICurrentUser, SystemUser>();
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>();
using (var host = builder.Build())
{
    await DatabaseInitializer.InitializeAsync(host.Services);
    await AddSalespeopleAsync(host.Services);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start-up path done in {clock.Elapsed.TotalSeconds:F1} s"));

// 2. The people the records name.
var contextOptions = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connectionString, DatabaseSetup.SqliteOptions).Options;
await using var db = new SqliteAppDbContext(contextOptions);
var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => new Person(u.Id, u.DisplayName));
var heads = await db.Departments.AsNoTracking().Where(d => d.HeadUserId != null).ToListAsync();
var people = new People(
    BenchSalespeople.Extra.Select(x => x.UserName).Prepend("sales").Select(u => users[u]).ToList(), users["salesmanager"], users["gm"], users["contracts"],
    heads.ToDictionary(d => d.Code, d => users.Values.First(u => u.Id == d.HeadUserId)));
foreach (var department in ReviewDepartments.FormOrder.Where(d => !people.Heads.ContainsKey(d)))
{
    throw new InvalidOperationException($"Department {department} has no head.");
}

// 3. The records, in transactions of a few thousand orders.
var data = new DataSet(seed, people);
data.MakeCatalogue(products: 300, customers: Math.Max(200, contracts / 50));
SqliteConnection.ClearAllPools();
await using var connection = new SqliteConnection(connectionString);
connection.Open();
// Bulk mode: no journal, no syncs, a large page cache; the secondary indexes the migrations made are dropped
// here and created again, with the same SQL, once every row is in (one sorted build per index instead of
// millions of scattered index updates). The schema that results is the migrations' own.
Execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; PRAGMA temp_store=MEMORY;");
var indexes = new List<(string Name, string Sql)>();
using (var list = connection.CreateCommand())
{
    list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name;";
    using var reader = list.ExecuteReader();
    while (reader.Read())
    {
        indexes.Add((reader.GetString(0), reader.GetString(1)));
    }
}

foreach (var (name, _) in indexes)
{
    Execute($"DROP INDEX \"{name}\";");
}

using var writer = new BulkWriter(db.Model, connection);
using (var transaction = connection.BeginTransaction())
{
    writer.Insert(transaction, data.Products);
    writer.Insert(transaction, data.Customers.Select(c => c.Customer));
    writer.Insert(transaction, data.Customers.SelectMany(c => c.Customer.Contacts));
    transaction.Commit();
}

var writing = new Stopwatch();
var perDay = new SortedDictionary<DateOnly, int>();
var perCustomer = new Dictionary<Guid, int>();
ReviewDetailsTarget? showcase = null;
var days = DataSet.LastDay.DayNumber - DataSet.LastDay.AddYears(-10).DayNumber;
const int Batch = 2000;
var notContracted = 0;
var pendingReviews = new List<OrderRecords>();
// The records are made on one thread (one seeded generator, so the same seed gives the same data) and written on
// this one: the two halves cost about the same, so on two cores the run takes about half as long.
using var batches = new System.Collections.Concurrent.BlockingCollection<List<OrderRecords>>(boundedCapacity: 4);
var producer = Task.Run(() =>
{
    try
    {
        for (var start = 0; start < contracts; start += Batch)
        {
            var batch = new List<OrderRecords>();
            for (var i = start; i < Math.Min(contracts, start + Batch); i++)
            {
                // Spread evenly over ten years, numbered in date order (HT-yyyy-nnnn restarts each year).
                var signedOn = DataSet.LastDay.AddDays(-days + (int)((long)i * days / contracts));
                var records = data.Contracted(signedOn);
                perDay[signedOn] = perDay.GetValueOrDefault(signedOn) + 1;
                batch.Add(records);
                perCustomer[records.Order.CustomerId] = perCustomer.GetValueOrDefault(records.Order.CustomerId) + 1;
                if (showcase is null && records.Review!.Level == ReviewLevel.FullCountersign && records.Review.Sections.Count >= 6 && i > contracts / 2)
                {
                    showcase = new ReviewDetailsTarget(records.Review.Id);
                }

                if (i % 20 == 0)
                {
                    // About 5 % of orders never become contracts (drafts, rejected, withdrawn).
                    batch.Add(data.NotContracted(signedOn.AddDays(-10).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc)));
                    notContracted++;
                }
            }

            batches.Add(batch);
        }

        // Reviews with every section pending: each signature request of the benchmark signs a fresh section.
        for (var i = 0; i < pending; i++)
        {
            pendingReviews.Add(data.PendingFullReview(DataSet.LastDay.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddMinutes(i)));
        }

        batches.Add(pendingReviews);
    }
    finally
    {
        batches.CompleteAdding();
    }
});
foreach (var batch in batches.GetConsumingEnumerable())
{
    Write(batch);
}

await producer;

// The document counters continue where the data set ends, as if the app had numbered every record.
var sequences = data.Sequences.Select(kv =>
{
    var sequence = new DocumentSequence(kv.Key);
    for (var n = 0; n < kv.Value; n++)
    {
        sequence.Next();
    }

    return sequence;
}).ToList();
using (var transaction = connection.BeginTransaction())
{
    writer.Insert(transaction, sequences);
    transaction.Commit();
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{writer.Rows:N0} rows written in {clock.Elapsed.TotalSeconds:F1} s ({writing.Elapsed.TotalSeconds:F1} s of it writing); creating {indexes.Count} indexes"));
foreach (var (_, sql) in indexes)
{
    Execute(sql + ";");
}

// Back to the journal the app runs with (DatabaseInitializer sets WAL).
Execute("PRAGMA journal_mode=WAL;");

// 4. What the benchmark requests: a full review form, a customer with an average number of contracts, the pending sections.
var average = perCustomer.Values.Average();
var customerId = perCustomer.OrderBy(kv => Math.Abs(kv.Value - average)).ThenBy(kv => kv.Key).First().Key;
var customerCode = data.Customers.First(c => c.Customer.Id == customerId).Customer.Code;
await File.WriteAllLinesAsync(path + ".pending.tsv", pendingReviews.Select(r =>
    string.Create(CultureInfo.InvariantCulture, $"{r.Review!.Id}\t{r.Order.ContentVersion}")));
await File.WriteAllLinesAsync(path + ".env",
[
    $"REVIEW_ID={showcase?.ReviewId ?? throw new InvalidOperationException("No full review generated.")}",
    $"CUSTOMER_CODE={customerCode}",
    $"CUSTOMER_CONTRACTS={perCustomer[customerId]}",
    $"CONTRACTS={contracts}",
    $"SALES_ID={people.Salespeople[1].Id}",
    .. ExportPeriod(10_000, "EXPORT_10000"),
    .. ExportPeriod(1_000, "EXPORT_1000"),
    $"SEED={seed}",
]);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{path}: {contracts:N0} contracts, {notContracted:N0} other orders, {pending:N0} pending reviews, {data.Customers.Count:N0} customers, {data.Products.Count:N0} products; {writer.Rows:N0} rows in {clock.Elapsed.TotalSeconds:F1} s (seed {seed})."));
return 0;

void Write(List<OrderRecords> batch)
{
    writing.Start();
    using var transaction = connection.BeginTransaction();
    writer.Insert(transaction, batch.Select(r => r.Order));
    writer.Insert(transaction, batch.SelectMany(r => r.Order.Lines));
    var reviews = batch.Where(r => r.Review is not null).Select(r => r.Review!).ToList();
    writer.Insert(transaction, reviews);
    writer.Insert(transaction, reviews.SelectMany(r => r.Sections));
    writer.Insert(transaction, reviews.SelectMany(r => r.Signatures));
    var signed = batch.Where(r => r.Contract is not null).Select(r => r.Contract!).ToList();
    writer.Insert(transaction, signed);
    writer.Insert(transaction, signed.SelectMany(c => c.Versions));
    writer.Insert(transaction, signed.SelectMany(c => c.AllLines));
    var deliveries = signed.SelectMany(c => c.Deliveries).ToList();
    writer.Insert(transaction, deliveries);
    writer.Insert(transaction, deliveries.SelectMany(d => d.Lines));
    writer.Insert(transaction, signed.SelectMany(c => c.Invoices));
    writer.Insert(transaction, signed.SelectMany(c => c.Payments));
    var complaints = batch.Where(r => r.Complaint is not null).Select(r => r.Complaint!).ToList();
    writer.Insert(transaction, complaints);
    writer.Insert(transaction, complaints.SelectMany(c => c.Actions));
    transaction.Commit();
    writing.Stop();
}

// The newest days that hold at least `rows` contracts: the ledger filtered from that day on (to the last day) is the
// export the benchmark times; the exact row count goes with it.
string[] ExportPeriod(int rows, string name)
{
    var count = 0;
    var from = DataSet.LastDay;
    foreach (var (day, n) in perDay.Reverse())
    {
        count += n;
        from = day;
        if (count >= rows)
        {
            break;
        }
    }

    return [$"{name}_FROM={from:yyyy-MM-dd}", $"{name}_TO={DataSet.LastDay:yyyy-MM-dd}", $"{name}_ROWS={count}"];
}

void Execute(string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

// More salespeople than the demo's one, so the ledger's salesperson filter has a choice; they never sign in
// (no password), each owns a share of the customers.
static async Task AddSalespeopleAsync(IServiceProvider services)
{
    using var scope = services.CreateScope();
    var manager = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var department = await db.Departments.Where(d => d.Code == "Sales").Select(d => d.Id).FirstAsync();
    foreach (var (userName, displayName) in BenchSalespeople.Extra)
    {
        var user = new AppUser
        {
            UserName = userName,
            Email = $"{userName}@example.com",
            EmailConfirmed = true,
            DisplayName = displayName,
            DepartmentId = department,
            CreatedAtUtc = DataSet.LastDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            LockoutEnabled = true,
        };
        var created = await manager.CreateAsync(user);
        var role = created.Succeeded ? await manager.AddToRoleAsync(user, Roles.Sales) : created;
        if (!role.Succeeded)
        {
            throw new InvalidOperationException($"{userName}: {string.Join("; ", role.Errors.Select(e => e.Description))}");
        }
    }
}

internal sealed record ReviewDetailsTarget(Guid ReviewId);

internal static class BenchSalespeople
{
    public static readonly (string UserName, string DisplayName)[] Extra =
    [
        ("sales2", "赵销售 Zhao (Sales)"), ("sales3", "钱销售 Qian (Sales)"), ("sales4", "孙销售 Sun (Sales)"),
        ("sales5", "周销售 Zhou (Sales)"), ("sales6", "吴销售 Wu (Sales)"),
    ];
}
