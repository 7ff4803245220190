using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CustomerProcess.Bench.Users;

/// <summary>What the users share: the server, the account, and the records their actions use up or pick from.</summary>
public sealed class Targets
{
    public required Uri Base { get; init; }

    public required string UserName { get; init; }

    public required string Password { get; init; }

    /// <summary>The department whose section the account signs (the account heads it).</summary>
    public required string SignDepartment { get; init; }

    public required string CustomerCode { get; init; }

    /// <summary>Review ids for "open a review form".</summary>
    public required IReadOnlyList<Guid> Reviews { get; init; }

    /// <summary>Reviews whose section is still pending: each is taken once, by one signature.</summary>
    public required ConcurrentQueue<Guid> ToSign { get; init; }

    /// <summary>Executing contracts a delivery is recorded against, taken in turn.</summary>
    public required IReadOnlyList<Guid> Contracts { get; init; }

    public required TimeSpan RequestTimeout { get; init; }

    /// <summary>How long a sign-in may wait for its turn: each hashes the password (about 100 ms of the server's core), so
    /// the sign-ins of a step queue behind each other; one that gave up would leave a user who never acts.</summary>
    public TimeSpan SignInTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public required TimeSpan MeanThinkTime { get; init; }

    private int _nextContract = -1;

    public Guid NextContract() => Contracts[(int)((uint)Interlocked.Increment(ref _nextContract) % (uint)Contracts.Count)];
}

/// <summary>One finished action: when it ended (Stopwatch timestamp), how long its requests took, whether they all answered as expected.</summary>
public readonly record struct ActionSample(long EndedAt, double Milliseconds, bool Ok, ActionKind Kind);

/// <summary>Collects the samples of every user and the first few errors, for the step that is being measured.</summary>
public sealed class Recorder
{
    private readonly Lock _gate = new();
    private readonly List<ActionSample> _samples = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _signInErrorTexts = [];
    private int _signInErrors;

    public void Add(ActionSample sample)
    {
        lock (_gate)
        {
            _samples.Add(sample);
        }
    }

    public void Error(string what)
    {
        lock (_gate)
        {
            if (_errors.Count < 20)
            {
                _errors.Add(what);
            }
        }
    }

    /// <summary>A user whose sign-in failed never acts: it counts against the step whenever it happened (during the
    /// ramp, before the window opens), or the step would report users who were not there.</summary>
    public void SignInFailed(string what)
    {
        lock (_gate)
        {
            _signInErrors++;
            if (_signInErrorTexts.Count < 20)
            {
                _signInErrorTexts.Add(what);
            }
        }
    }

    /// <summary>At the opening of the window: the actions and their errors so far are dropped; failed sign-ins are kept.</summary>
    public void OpenWindow()
    {
        lock (_gate)
        {
            _samples.Clear();
            _errors.Clear();
        }
    }

    /// <summary>The samples that ended in [from, to), the errors so far and the failed sign-ins of the step; all are cleared.</summary>
    public (List<ActionSample> Samples, List<string> Errors, int SignInErrors) Take(long from, long to)
    {
        lock (_gate)
        {
            var taken = _samples.Where(s => s.EndedAt >= from && s.EndedAt < to).ToList();
            _samples.Clear();
            var errors = _signInErrorTexts.Concat(_errors).ToList();
            _errors.Clear();
            _signInErrorTexts.Clear();
            var signInErrors = _signInErrors;
            _signInErrors = 0;
            return (taken, errors, signInErrors);
        }
    }
}

/// <summary>One virtual user: its own cookies and connection, signed in with a real form post, then think time and one
/// action from the mix, again and again until the run stops.</summary>
public sealed class VirtualUser(int index, Targets targets, Recorder recorder) : IDisposable
{
    private readonly Random _random = new(20261205 + index);
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseCookies = true,
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        BaseAddress = targets.Base,
        Timeout = Timeout.InfiniteTimeSpan, // each request has its own (RequestTimeout, SignInTimeout)
    };

    private double _requestMs;

    public async Task<bool> SignInAsync(CancellationToken cancellationToken)
    {
        try
        {
            var page = await GetAsync("/Account/Login", cancellationToken, targets.SignInTimeout);
            var form = page is null ? null : Html.Form(page, "action=\"/Account/Login");
            if (form is null)
            {
                recorder.SignInFailed($"user {index}: no sign-in form");
                return false;
            }

            var fields = Html.Hidden(form);
            fields.Add(new("UserName", targets.UserName));
            fields.Add(new("Password", targets.Password));
            var location = await PostAsync("/Account/Login", new FormUrlEncodedContent(fields), cancellationToken, targets.SignInTimeout);
            if (location is null)
            {
                recorder.SignInFailed($"user {index}: sign-in not answered with a redirect");
                return false;
            }

            return true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            recorder.SignInFailed($"user {index}: sign-in {e.GetType().Name} {e.Message}");
            return false;
        }
    }

    /// <summary>Think, act, record; until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Mix.ThinkTime(_random, targets.MeanThinkTime), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var kind = Mix.Draw(_random);
            _requestMs = 0;
            bool ok;
            try
            {
                ok = await ActAsync(kind, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                recorder.Error($"user {index} {kind}: {e.GetType().Name} {e.Message}");
                ok = false;
            }

            recorder.Add(new ActionSample(Stopwatch.GetTimestamp(), _requestMs, ok, kind));
        }
    }

    private Task<bool> ActAsync(ActionKind kind, CancellationToken cancellationToken) => kind switch
    {
        ActionKind.Browse => BrowseAsync(cancellationToken),
        ActionKind.OpenReview => ExpectPageAsync($"/Reviews/{targets.Reviews[_random.Next(targets.Reviews.Count)]}", cancellationToken),
        ActionKind.Sign => SignAsync(cancellationToken),
        ActionKind.Write => _random.Next(2) == 0 ? LogComplaintAsync(cancellationToken) : RecordDeliveryAsync(cancellationToken),
    };

    /// <summary>The ledger's first page, another page, a filter sorted by amount, or the queue: a quarter each.</summary>
    private Task<bool> BrowseAsync(CancellationToken cancellationToken) => _random.Next(4) switch
    {
        0 => ExpectPageAsync("/Ledger", cancellationToken),
        1 => ExpectPageAsync(string.Create(CultureInfo.InvariantCulture, $"/Ledger?page={_random.Next(2, 21)}"), cancellationToken),
        2 => ExpectPageAsync($"/Ledger?q={Uri.EscapeDataString(targets.CustomerCode)}&sort=amount", cancellationToken),
        _ => ExpectPageAsync("/Queue", cancellationToken),
    };

    /// <summary>As bench/sign.lua, with the form read first: the account's own section of a review not signed yet, two
    /// checklist items ticked, conclusion Accept, the password re-entered; answered by a redirect to the review.</summary>
    private async Task<bool> SignAsync(CancellationToken cancellationToken)
    {
        if (!targets.ToSign.TryDequeue(out var reviewId))
        {
            recorder.Error("no pending section left to sign (generate more with --pending)");
            return false;
        }

        var path = $"/Reviews/{reviewId}/Sections/{targets.SignDepartment}/Sign";
        var page = await GetAsync($"/Reviews/{reviewId}", cancellationToken);
        var form = page is null ? null : Html.Form(page, $"action=\"{path}\"");
        if (form is null)
        {
            recorder.Error($"user {index}: no sign form {path}");
            return false;
        }

        var inputs = Html.Inputs(form);
        var fields = Html.Hidden(form);
        fields.AddRange(inputs.Where(i => i.Name == "Checked").Take(2).Select(i => KeyValuePair.Create(i.Name, i.Value)));
        fields.Add(new("Conclusion", "Accept"));
        fields.Add(new("Comments", ""));
        fields.Add(new("Password", targets.Password));
        var location = await PostAsync(path, new FormUrlEncodedContent(fields), cancellationToken);
        return Expect(location, "/Reviews/", path);
    }

    /// <summary>The complaint form read, then posted (multipart, as the form is) with the customer code and a description.</summary>
    private async Task<bool> LogComplaintAsync(CancellationToken cancellationToken)
    {
        var page = await GetAsync("/Complaints/Create", cancellationToken);
        var form = page is null ? null : Html.Form(page, "action=\"/Complaints/Create\"");
        if (form is null)
        {
            recorder.Error($"user {index}: no complaint form");
            return false;
        }

        var receivedAt = Html.Inputs(form).FirstOrDefault(i => i.Name == "ReceivedAt").Value ?? "";
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Html.Hidden(form))
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new StringContent(targets.CustomerCode), "CustomerCode");
        content.Add(new StringContent(receivedAt), "ReceivedAt");
        content.Add(new StringContent(string.Create(CultureInfo.InvariantCulture, $"负载测试投诉 virtual user {index}")), "Description");
        var location = await PostAsync("/Complaints/Create", content, cancellationToken);
        return Expect(location, "/Complaints/", "/Complaints/Create");
    }

    /// <summary>A contract's ledger page read, then its delivery form posted: today, a bill of lading, 0.01 of the first line.</summary>
    private async Task<bool> RecordDeliveryAsync(CancellationToken cancellationToken)
    {
        var contractId = targets.NextContract();
        var page = await GetAsync($"/Ledger/Details/{contractId}", cancellationToken);
        var form = page is null ? null : Html.Form(page, "id=\"delivery-form\"");
        if (form is null)
        {
            recorder.Error($"user {index}: no delivery form on contract {contractId}");
            return false;
        }

        var fields = Html.Hidden(form);
        var firstLine = fields.FirstOrDefault(f => f.Key.EndsWith(".LineNo", StringComparison.Ordinal)).Key;
        if (firstLine is null)
        {
            recorder.Error($"user {index}: no lines in the delivery form of {contractId}");
            return false;
        }

        fields.Add(new("DeliveredOn", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        fields.Add(new("BillOfLading", string.Create(CultureInfo.InvariantCulture, $"VU-{index}-{_random.Next(1_000_000)}")));
        fields.Add(new(firstLine.Replace(".LineNo", ".Quantity", StringComparison.Ordinal), "0.01"));
        var path = $"/Contracts/{contractId}/Deliveries";
        var location = await PostAsync(path, new FormUrlEncodedContent(fields), cancellationToken);
        return Expect(location, "/Ledger/Details/", path);
    }

    /// <summary>A page read outside the measurements (the driver's setup).</summary>
    public async Task<string> ReadAsync(string path) => await GetAsync(path, CancellationToken.None)
        ?? throw new InvalidOperationException($"GET {path} failed");

    private bool Expect(string? location, string startsWith, string path)
    {
        if (location is not null && location.Contains(startsWith, StringComparison.Ordinal))
        {
            return true;
        }

        recorder.Error($"user {index}: {path} redirected to '{location}'");
        return false;
    }

    private async Task<bool> ExpectPageAsync(string path, CancellationToken cancellationToken) => await GetAsync(path, cancellationToken) is not null;

    /// <summary>The page's text when answered 200, else null (and the error recorded).</summary>
    private async Task<string?> GetAsync(string path, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string body;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? targets.RequestTimeout);
        try
        {
            // A request that times out or fails counts with the time it took, so a failed action is not a fast one.
            response = await _client.GetAsync(path, HttpCompletionOption.ResponseContentRead, limit.Token);
            body = await response.Content.ReadAsStringAsync(limit.Token);
        }
        finally
        {
            _requestMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        using var _ = response;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return body;
        }

        recorder.Error($"user {index}: GET {path} answered {(int)response.StatusCode}");
        return null;
    }

    /// <summary>The redirect's location when a POST is answered 302 (the expected answer), else null (and the error recorded).</summary>
    private async Task<string?> PostAsync(string path, HttpContent content, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? targets.RequestTimeout);
        try
        {
            response = await _client.PostAsync(path, content, limit.Token);
            await response.Content.ReadAsByteArrayAsync(limit.Token);
        }
        finally
        {
            _requestMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        using var _ = response;
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location)
        {
            return location.OriginalString;
        }

        recorder.Error($"user {index}: POST {path} answered {(int)response.StatusCode}");
        return null;
    }

    public void Dispose() => _client.Dispose();
}
