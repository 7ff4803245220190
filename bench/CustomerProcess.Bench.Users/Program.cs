using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CustomerProcess.Bench.Users;

// Virtual users against a running app (bench/users.sh, docs/adr/0036-virtual-user-benchmark.md):
//   Users --base http://127.0.0.1:5400 --pending FILE.db.pending.tsv --customer C-10028 --server-pid PID
//         [--steps 250,500,750,1000,1250,1500,2000] [--ramp 10] [--settle 20] [--hold 60] [--think 5] [--p99 200]
//         [--timeout 10] [--user salesmanager] [--department Sales] [--password ...] [--out table.md]
// Each step adds users (signed in over the ramp) up to its count, waits until every one has signed in and
// then --settle seconds, then measures for --hold seconds; the run stops after the first step with p99 > --p99 ms or an error.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "", StringComparer.Ordinal);
string Option(string name, string? fallback = null) =>
    options.GetValueOrDefault(name) ?? fallback ?? throw new ArgumentException($"--{name} is required");
double Number(string name, string fallback) => double.Parse(Option(name, fallback), CultureInfo.InvariantCulture);

var baseUri = new Uri(Option("base"));
var steps = Option("steps", "250,500,750,1000,1250,1500,2000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var ramp = TimeSpan.FromSeconds(Number("ramp", "10"));
var hold = TimeSpan.FromSeconds(Number("hold", "60"));
var settle = TimeSpan.FromSeconds(Number("settle", "20"));
var p99Limit = Number("p99", "200");
var serverPid = int.Parse(Option("server-pid"), CultureInfo.InvariantCulture);
var tickMs = 1000.0 / Number("clock-ticks", "100");
var outPath = options.GetValueOrDefault("out");
var pending = File.ReadLines(Option("pending")).Where(l => l.Length > 0).Select(l => Guid.Parse(l.Split('\t')[0])).ToList();
if (pending.Count == 0)
{
    throw new ArgumentException("the pending file lists no review");
}

var recorder = new Recorder();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var targets = new Targets
{
    Base = baseUri,
    UserName = Option("user", "salesmanager"),
    Password = Option("password", "Demo-Password-2026"),
    SignDepartment = Option("department", "Sales"),
    CustomerCode = Option("customer"),
    Reviews = pending,
    ToSign = new ConcurrentQueue<Guid>(pending),
    Contracts = [],
    RequestTimeout = TimeSpan.FromSeconds(Number("timeout", "10")),
    MeanThinkTime = TimeSpan.FromSeconds(Number("think", "5")),
};

// Executing contracts for the deliveries, read from the ledger as the account sees it (not measured).
var contracts = await ReadContractsAsync(targets, pages: 10);
if (contracts.Count == 0)
{
    throw new InvalidOperationException("no contract on the ledger's first pages");
}

targets = new Targets
{
    Base = targets.Base,
    UserName = targets.UserName,
    Password = targets.Password,
    SignDepartment = targets.SignDepartment,
    CustomerCode = targets.CustomerCode,
    Reviews = targets.Reviews,
    ToSign = targets.ToSign,
    Contracts = contracts,
    RequestTimeout = targets.RequestTimeout,
    MeanThinkTime = targets.MeanThinkTime,
};
Log($"{pending.Count} pending reviews, {contracts.Count} contracts for deliveries; steps {string.Join(", ", steps)}; ramp {ramp.TotalSeconds} s, hold {hold.TotalSeconds} s, think {targets.MeanThinkTime.TotalSeconds} s (exponential), p99 limit {p99Limit} ms");

var users = new List<VirtualUser>();
var loops = new List<Task>();
var results = new List<(StepResult Step, string Load, string ByKind, List<string> Errors)>();
try
{
    foreach (var count in steps)
    {
        if (stop.IsCancellationRequested)
        {
            break;
        }

        // Ramp: the new users start evenly over the ramp; each signs in, then thinks and acts.
        var added = count - users.Count;
        var signIns = new List<Task>();
        var rampStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < added; i++)
        {
            var user = new VirtualUser(users.Count, targets, recorder);
            users.Add(user);
            var offset = TimeSpan.FromTicks(ramp.Ticks * i / Math.Max(1, added));
            var signedIn = new TaskCompletionSource();
            signIns.Add(signedIn.Task);
            loops.Add(Task.Run(async () =>
            {
                try
                {
                    await Task.Delay(offset, stop.Token);
                    var ok = await user.SignInAsync(stop.Token);
                    signedIn.TrySetResult();
                    if (ok)
                    {
                        await user.RunAsync(stop.Token);
                    }
                }
                catch (OperationCanceledException)
                {
                }
                finally
                {
                    signedIn.TrySetResult();
                }
            }));
        }

        await Task.WhenAny(Task.WhenAll(signIns), Task.Delay(ramp + targets.SignInTimeout, stop.Token));
        var rampSeconds = Stopwatch.GetElapsedTime(rampStart).TotalSeconds;
        if (rampSeconds < ramp.TotalSeconds)
        {
            await Task.Delay(ramp - TimeSpan.FromSeconds(rampSeconds), stop.Token);
        }

        // Settle: the sign-ins (a password hash each: about 100 ms of the core per sign-in, so 26 s for 250 new
        // users squeezed into a 10 s ramp) leave a queue of actions behind them; the window opens once it has
        // drained, so a step measures users at work, not a morning's sign-ins.
        await Task.Delay(settle, stop.Token);

        // Hold: everything that ends in the window counts.
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        recorder.OpenWindow();
        var from = Stopwatch.GetTimestamp();
        var cpuBefore = CpuTicks(serverPid);
        await Task.Delay(hold, stop.Token);
        var cpuAfter = CpuTicks(serverPid);
        var to = Stopwatch.GetTimestamp();
        var (samples, errors, signInErrors) = recorder.Take(from, to);
        var seconds = Stopwatch.GetElapsedTime(from, to).TotalSeconds;
        var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
        var failed = samples.Count(s => !s.Ok);
        var cpuMs = (cpuAfter - cpuBefore) * tickMs;
        var step = new StepResult(count, samples.Count, failed, seconds, Steps.Percentile(sorted, 50), Steps.Percentile(sorted, 99),
            samples.Count > 0 ? cpuMs / samples.Count : double.NaN, signInErrors);
        var byKind = string.Join(", ", Enum.GetValues<ActionKind>().Select(kind =>
        {
            var of = samples.Where(s => s.Kind == kind).Select(s => s.Milliseconds).Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{kind} {of.Count} p99 {Steps.Percentile(of, 99):F0}");
        }));
        results.Add((step, load, byKind, errors));
        Log(string.Create(CultureInfo.InvariantCulture,
            $"{count} users: {step.Actions} actions in {seconds:F0} s ({step.ActionsPerSecond:F1}/s), p50 {step.P50Ms:F1} ms, p99 {step.P99Ms:F1} ms, errors {failed} (+{signInErrors} sign-ins), server CPU {step.CpuMsPerAction:F2} ms/action ({cpuMs / 10 / seconds:F0} % of a core), load {load}; {byKind}; ramp {rampSeconds:F1} s"));
        foreach (var error in errors)
        {
            Log("  error: " + error);
        }

        if (!Steps.Continue(step, p99Limit))
        {
            break;
        }
    }
}
catch (OperationCanceledException)
{
    Log("stopped");
}
finally
{
    await stop.CancelAsync();
    await Task.WhenAny(Task.WhenAll(loops), Task.Delay(TimeSpan.FromSeconds(30)));
    foreach (var user in users)
    {
        user.Dispose();
    }
}

var largest = Steps.LargestPassing(results.Select(r => r.Step), p99Limit);
var table = new StringBuilder();
table.AppendLine(CultureInfo.InvariantCulture, $"| concurrent users | actions | actions/s | p50 (ms) | p99 (ms) | errors | server CPU per action (ms) | server core busy | load avg (1 min) at start | p99 by action (count, ms) | result |");
table.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
foreach (var (step, load, byKind, _) in results)
{
    table.AppendLine(CultureInfo.InvariantCulture,
        $"| {step.Users} | {step.Actions} | {step.ActionsPerSecond:F1} | {step.P50Ms:F1} | {step.P99Ms:F1} | {step.Errors + step.SignInErrors} | {step.CpuMsPerAction:F2} | {step.CpuMsPerAction * step.ActionsPerSecond / 10:F0} % | {load} | {byKind} | {(step.Passes(p99Limit) ? "pass" : "FAIL")} |");
}

table.AppendLine();
table.AppendLine(CultureInfo.InvariantCulture, $"LARGEST={largest}");
Console.Write(table);
if (outPath is not null)
{
    await File.WriteAllTextAsync(outPath, table.ToString());
}

return 0;

static long CpuTicks(int pid)
{
    // /proc/<pid>/stat: fields after the command name in parentheses; utime and stime are fields 14 and 15.
    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
}

static void Log(string message) => Console.Error.WriteLine($"[users {DateTime.Now:HH:mm:ss}] {message}");

static async Task<List<Guid>> ReadContractsAsync(Targets targets, int pages)
{
    var recorder = new Recorder();
    using var reader = new VirtualUser(-1, targets, recorder);
    if (!await reader.SignInAsync(CancellationToken.None))
    {
        throw new InvalidOperationException("sign-in failed: " + string.Join("; ", recorder.Take(0, 0).Errors));
    }

    var ids = new List<Guid>();
    for (var page = 1; page <= pages; page++)
    {
        var html = await reader.ReadAsync(string.Create(CultureInfo.InvariantCulture, $"/Ledger?status=Executing&page={page}"));
        ids.AddRange(Html.LinkedIds(html, "/Ledger/Details/"));
    }

    return ids.Distinct().ToList();
}
