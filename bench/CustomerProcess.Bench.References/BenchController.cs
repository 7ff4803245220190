using CustomerProcess.Domain.Contracts;
using CustomerProcess.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CustomerProcess.Bench.References;

public sealed record BenchRow(string Number, string CustomerName, string CustomerCode, long AmountMinor, DateOnly SignedOn, ContractStatus Status, string OrderNumber);

/// <summary>
/// R2 of the load benchmark: the 50 newest ledger rows through a plain MVC controller, a no-tracking
/// EF query and a Razor view without layout (Features/Bench/R2.cshtml of this assembly). Added to MVC by
/// <see cref="BenchHostingStartup"/> in the Benchmark environment only.
/// </summary>
[AllowAnonymous]
[Route("bench")]
public sealed class BenchController(AppDbContext db) : Controller
{
    [HttpGet("r2")]
    public async Task<IActionResult> R2(CancellationToken cancellationToken)
    {
        var rows = await (
                from c in db.Contracts.AsNoTracking()
                join cu in db.Customers on c.CustomerId equals cu.Id
                join o in db.SalesOrders on c.OrderId equals o.Id
                orderby c.SignedOn descending, c.Number descending
                select new BenchRow(c.Number, cu.Name, cu.Code, c.AmountMinor, c.SignedOn, c.Status, o.Number))
            .Take(BenchReferences.Rows)
            .ToListAsync(cancellationToken);
        return View(rows);
    }
}
