using CustomerProcess.Domain.Common;
using CustomerProcess.Domain.Reviews;
using CustomerProcess.Domain.Reviews.Rules;

namespace CustomerProcess.Domain.Contracts;

/// <summary>How a contract change is classified (docs/process.md §6).</summary>
public enum ChangeKind
{
    Quantity,
    DeliveryDate,
    Price,
    Structure,
    Specification,
    Process,
    Termination,
}

/// <summary>What the procedure requires after a change of each kind.</summary>
public enum ChangeConsequence
{
    /// <summary>A revised production task notice that the departments acknowledge again.</summary>
    RevisedTaskNotice,

    /// <summary>A new quotation record with the new prices.</summary>
    NewQuotation,

    /// <summary>A new review of the changed content; the contract waits for its approval.</summary>
    FullReview,

    /// <summary>A product change notice to the departments concerned.</summary>
    ProductChangeNotice,

    /// <summary>Both parties confirm; the contract is terminated.</summary>
    BothPartiesConfirm,
}

/// <summary>Who asked for the change.</summary>
public enum ChangeParty
{
    Customer,
    Company,
}

/// <summary>A field of a contract line that a change may touch.</summary>
public enum LineField
{
    Description,
    Specification,
    Quantity,
    UnitPrice,
    DeliveryDate,
}

/// <summary>
/// The change table of docs/process.md §6 as code: the consequence of each kind, and which line fields a change
/// of that kind may alter. Both are switches without a default arm, so a new kind does not compile until
/// the table says what follows from it.
/// </summary>
public static class ChangeRules
{
    public static readonly DomainError NoLineChange = new("change.no-line-change", "A change of kind “{0}” must change at least one line.");
    public static readonly DomainError FieldNotAllowed = new("change.field-not-allowed", "Line {0}: a change of kind “{1}” cannot alter “{2}”; classify the change as what it is.");
    public static readonly DomainError LinesNotAllowed = new("change.lines-not-allowed", "A change of kind “{0}” does not alter the contract's lines.");

    public static ChangeConsequence ConsequenceOf(ChangeKind kind) => kind switch
    {
        ChangeKind.Quantity => ChangeConsequence.RevisedTaskNotice,
        ChangeKind.DeliveryDate => ChangeConsequence.RevisedTaskNotice,
        ChangeKind.Price => ChangeConsequence.NewQuotation,
        ChangeKind.Structure => ChangeConsequence.FullReview,
        ChangeKind.Specification => ChangeConsequence.FullReview,
        ChangeKind.Process => ChangeConsequence.ProductChangeNotice,
        ChangeKind.Termination => ChangeConsequence.BothPartiesConfirm,
    };

    /// <summary>Which line fields a change of this kind may alter. A structure or specification change is
    /// reviewed in full, so it may alter anything on the lines.</summary>
    public static IReadOnlySet<LineField> AllowedFields(ChangeKind kind) => kind switch
    {
        ChangeKind.Quantity => new HashSet<LineField> { LineField.Quantity },
        ChangeKind.DeliveryDate => new HashSet<LineField> { LineField.DeliveryDate },
        ChangeKind.Price => new HashSet<LineField> { LineField.UnitPrice },
        ChangeKind.Structure or ChangeKind.Specification => Enum.GetValues<LineField>().ToHashSet(),
        ChangeKind.Process => new HashSet<LineField>(),
        ChangeKind.Termination => new HashSet<LineField>(),
    };

    /// <summary>Why the review of a structure or specification change is at least a full countersign review.</summary>
    public static RuleFinding ReviewFinding(string changeNumber, string contractNumber) =>
        new(ReviewLevel.FullCountersign, "contract change {0} of {1}: the changed content is reviewed in full again", changeNumber, contractNumber);

    /// <summary>Whether the change alters the contract's lines (and so makes a new contract version).</summary>
    public static bool ChangesLines(ChangeKind kind) => AllowedFields(kind).Count > 0;

    public static IReadOnlySet<LineField> Differences(ContractLineData before, ContractLineData after)
    {
        var fields = new HashSet<LineField>();
        if (!string.Equals(before.Description, after.Description, StringComparison.Ordinal))
        {
            fields.Add(LineField.Description);
        }

        if (!string.Equals(before.Specification ?? "", after.Specification ?? "", StringComparison.Ordinal))
        {
            fields.Add(LineField.Specification);
        }

        if (before.Quantity != after.Quantity)
        {
            fields.Add(LineField.Quantity);
        }

        if (before.UnitPrice != after.UnitPrice)
        {
            fields.Add(LineField.UnitPrice);
        }

        if (before.DeliveryDate != after.DeliveryDate)
        {
            fields.Add(LineField.DeliveryDate);
        }

        return fields;
    }

    /// <summary>The kinds a set of line edits suggests (what the form can tell by itself).</summary>
    public static IReadOnlyList<ChangeKind> Suggest(IReadOnlyList<ContractLineData> before, IReadOnlyList<ContractLineData> after)
    {
        var fields = Pairs(before, after).SelectMany(p => Differences(p.Before, p.After)).ToHashSet();
        var kinds = new List<ChangeKind>();
        if (fields.Contains(LineField.Description) || fields.Contains(LineField.Specification))
        {
            kinds.Add(ChangeKind.Specification);
        }

        if (fields.Contains(LineField.Quantity))
        {
            kinds.Add(ChangeKind.Quantity);
        }

        if (fields.Contains(LineField.DeliveryDate))
        {
            kinds.Add(ChangeKind.DeliveryDate);
        }

        if (fields.Contains(LineField.UnitPrice))
        {
            kinds.Add(ChangeKind.Price);
        }

        return kinds;
    }

    /// <summary>Checks that the proposed lines change only what the kind allows (and something, when it
    /// is a kind that changes lines).</summary>
    public static Result Validate(ChangeKind kind, IReadOnlyList<ContractLineData> before, IReadOnlyList<ContractLineData>? after)
    {
        var allowed = AllowedFields(kind);
        var pairs = after is null ? [] : Pairs(before, after);
        var changed = false;
        foreach (var (was, now) in pairs)
        {
            foreach (var field in Differences(was, now))
            {
                if (!allowed.Contains(field))
                {
                    return allowed.Count == 0
                        ? new DomainError(LinesNotAllowed.Code, LinesNotAllowed.MessageKey, kind)
                        : new DomainError(FieldNotAllowed.Code, FieldNotAllowed.MessageKey, was.LineNo, kind, field);
                }

                changed = true;
            }
        }

        if (allowed.Count > 0 && !changed && kind is not ChangeKind.Structure)
        {
            // A structure change may be about drawings or assemblies that the lines do not show.
            return new DomainError(NoLineChange.Code, NoLineChange.MessageKey, kind);
        }

        return Result.Success();
    }

    private static List<(ContractLineData Before, ContractLineData After)> Pairs(IReadOnlyList<ContractLineData> before, IReadOnlyList<ContractLineData> after) =>
        before.Join(after, b => b.LineNo, a => a.LineNo, (b, a) => (b, a)).ToList();
}
