namespace CustomerProcess.Domain.Reviews;

/// <summary>Review levels of docs/process.md §4.1, lowest first: the numeric order is the escalation order.</summary>
public enum ReviewLevel
{
    Confirmation = 0,
    Simplified = 1,
    FullCountersign = 2,
    ReviewMeeting = 3,
}

/// <summary>The department sections of a review form (docs/process.md §4.2); codes match Department.Code.</summary>
public static class ReviewDepartments
{
    public const string Sales = "Sales";
    public const string Quality = "Quality";
    public const string Production = "Production";
    public const string Purchasing = "Purchasing";
    public const string Technical = "Technical";
    public const string Finance = "Finance";
    public const string Legal = "Legal";
    public const string SafetyEnvironment = "SafetyEnvironment";

    /// <summary>Section order on the form.</summary>
    public static IReadOnlyList<string> FormOrder { get; } =
        [Sales, Quality, Production, Purchasing, Technical, Finance, Legal, SafetyEnvironment];

    /// <summary>What each department checks (the checklist on its section of the form).</summary>
    public static IReadOnlyList<string> Checklist(string department) => department switch
    {
        Sales =>
        [
            "Requirements are clear and complete, without ambiguity",
            "Both sides agree on all requirements",
            "Quantity, price, payment and delivery terms are stated",
            "Our qualifications meet the customer's demands",
            "Responsibilities of both sides are defined",
        ],
        Quality =>
        [
            "Quality requirements and acceptance criteria are clear and achievable",
            "Inspection and test capability is available",
            "Second or third-party inspection requirements are understood",
        ],
        Production => ["Capacity and delivery date are achievable", "Outsourcing needs are identified"],
        Purchasing => ["Materials and bought-in parts are available in time and at cost"],
        Technical =>
        [
            "Design and process capability are adequate",
            "Standards and parameters are defined",
            "Safety and environmental compatibility is confirmed",
            "Packaging and transport are feasible",
        ],
        Finance => ["Price and cost are acceptable", "Payment terms are acceptable", "Customer credit and payment ability are adequate"],
        Legal => ["The clauses are lawful", "The contractual risk is acceptable"],
        SafetyEnvironment => ["Requirements on the work environment can be met"],
        _ => [],
    };
}
