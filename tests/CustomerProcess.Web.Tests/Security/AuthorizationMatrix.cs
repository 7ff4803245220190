using CustomerProcess.Domain.Security;
using static CustomerProcess.Domain.Security.Roles;

namespace CustomerProcess.Web.Tests.Security;

/// <summary>Who may reach an endpoint: anyone, anyone signed in, or the holders of some roles.</summary>
public sealed class Access
{
    private Access(string description, bool anonymous, IReadOnlySet<string>? roles)
    {
        Description = description;
        AllowsAnonymous = anonymous;
        Roles = roles;
    }

    public static Access Anonymous { get; } = new("Anonymous", true, null);

    public static Access AnySignedIn { get; } = new("AnySignedIn", false, null);

    public string Description { get; }

    public bool AllowsAnonymous { get; }

    /// <summary>Null: every signed-in role.</summary>
    public IReadOnlySet<string>? Roles { get; }

    public static Access Only(params string[] roles) => new(string.Join("+", roles), false, roles.ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether the principal (null role: anonymous) gets past authorization.</summary>
    public bool Allows(string? role) => role is null ? AllowsAnonymous : AllowsAnonymous || Roles is null || Roles.Contains(role);

    public override string ToString() => Description;
}

/// <summary>
/// One MVC action endpoint. <see cref="Route"/> is the endpoint's template as the completeness test derives it
/// (attribute routes without constraints; conventional routes as <c>/Controller/Action</c>, plus <c>/{id}</c> when
/// the action takes an id). Placeholders are filled with random values unless <see cref="Url"/> names real records,
/// so an allowed role whose action looks the record up and answers 404 counts as having reached it.
/// </summary>
public sealed record MatrixRow(string Method, string Route, Access Access)
{
    /// <summary>The rule inside the action (after the record is found), for the reader and the object-level tests.</summary>
    public string? Note { get; init; }

    /// <summary>The request path (and query), built from the fixture's records; default: <see cref="Route"/> with random values.</summary>
    public Func<RouteMatrixRecords, string>? Url { get; init; }

    /// <summary>Form fields of a POST besides the antiforgery token; default: none.</summary>
    public Func<RouteMatrixRecords, IEnumerable<KeyValuePair<string, string>>>? Form { get; init; }

    /// <summary>The same GET on a real record of the fixture, and who may read that record (the check inside the action).</summary>
    public RecordCheck? OnRecord { get; init; }

    /// <summary>The action itself answers 403 to everyone (the access-denied page).</summary>
    public bool AnswersForbidden { get; init; }

    public string Key => $"{Method} {Route}";

    public override string ToString() => Key;
}

/// <summary>A request on a real record and who may reach it. A GET: those roles get 200. A POST (its form is invalid, so
/// nothing changes): those roles get neither 403 nor 404. Every other role gets 403.</summary>
public sealed record RecordCheck(Func<RouteMatrixRecords, string> Url, Access Access)
{
    public Func<RouteMatrixRecords, IEnumerable<KeyValuePair<string, string>>>? Form { get; init; }
}

/// <summary>
/// The authorization matrix of issue #21: every MVC action endpoint of the app and who may reach it. A new
/// endpoint without its row here fails <c>RouteMatrixTests.Every_endpoint_of_the_app_has_a_row_in_the_matrix</c>.
/// The rules are today's: the [Authorize]/[AllowAnonymous] attributes and the role checks inside the actions that
/// do not depend on a record. Checks that depend on the record (owner, department, review reader) are in
/// <see cref="MatrixRow.Note"/> and probed by <c>AuthorizationObjectLevelTests</c>.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The demo user who holds each role (one role each; DemoData.Users).</summary>
    public static readonly IReadOnlyDictionary<string, string> DemoUsers = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Roles.Sales] = "sales",
        [Roles.SalesManager] = "salesmanager",
        [Roles.QualityHead] = "quality",
        [Roles.ProductionHead] = "production",
        [Roles.PurchasingHead] = "purchasing",
        [Roles.TechnicalHead] = "technical",
        [Roles.FinanceHead] = "finance",
        [Roles.LegalHead] = "legal",
        [Roles.SafetyEnvironmentHead] = "safety",
        [Roles.GeneralManager] = "gm",
        [Roles.BusinessUnitHead] = "buhead",
        [Roles.ContractAdministrator] = "contracts",
        [Roles.QualityStaff] = "qstaff",
        [Roles.Administrator] = "admin",
    };

    /// <summary>The departments whose sections the fixture's contract review had (the record rows check it first) and their heads.</summary>
    public static readonly IReadOnlyList<string> ContractReviewDepartments = ["Production", "Sales"];

    private static readonly string[] ContractReviewHeads = [ProductionHead, SalesManager];

    private static readonly Access Admin = Access.Only(Administrator);
    private static readonly Access CustomerEditors = Access.Only(Sales, SalesManager, Administrator);

    /// <summary>The demo customer C-0001 (owned by the demo salesperson): its owner and the standing roles (ADR 0025).</summary>
    private static readonly Access FileReaders = Access.Only(Sales, SalesManager, GeneralManager, QualityHead, ContractAdministrator, FinanceHead);
    private static readonly Access ClassChangeDeciders = Access.Only(SalesManager, GeneralManager, QualityHead);
    private static readonly Access ProductEditors = Access.Only(Administrator, SalesManager, TechnicalHead);
    private static readonly Access Capturers = Access.Only(Sales, SalesManager);
    private static readonly Access ContractSigners = Access.Only(ContractAdministrator, SalesManager);
    private static readonly Access MoneyRecorders = Access.Only(ContractAdministrator, FinanceHead);
    private static readonly Access LedgerReaders = Access.Only(Sales, SalesManager, GeneralManager, ContractAdministrator, FinanceHead);
    private static readonly Access Quality = Access.Only(QualityStaff, QualityHead);
    private static readonly Access Intake = Access.Only(Sales, SalesManager, QualityStaff, QualityHead);
    private static readonly Access Analysts = Access.Only(QualityStaff, QualityHead, GeneralManager, SalesManager);
    /// <summary>A draft of the demo salesperson: its owner and those who see all orders.</summary>
    private static readonly Access OrderReaders = Access.Only(Sales, SalesManager, GeneralManager, ContractAdministrator);

    /// <summary>The review of the fixture's contract: order readers and the heads of its sections (<see cref="ContractReviewHeads"/>).</summary>
    private static readonly Access ReviewReaders = Access.Only([Sales, SalesManager, GeneralManager, ContractAdministrator, .. ContractReviewHeads]);

    /// <summary>The fixture's contract: review readers and the finance head (whole ledger).</summary>
    private static readonly Access ContractReaders = Access.Only([Sales, SalesManager, GeneralManager, ContractAdministrator, FinanceHead, .. ContractReviewHeads]);

    /// <summary>A complaint of the demo salesperson's customer: the owner, quality, sales manager, GM and administrator.</summary>
    private static readonly Access ComplaintReaders = Access.Only(Sales, QualityStaff, QualityHead, SalesManager, GeneralManager, Administrator);

    /// <summary>Who registers tenders and works on them (the registering salesperson and the sales manager; TenderAccess).</summary>
    private static readonly Access TenderWorkers = Access.Only(Sales, SalesManager);

    private static readonly Access SurveyRoles = Access.Only(QualityStaff, QualityHead, Sales, SalesManager, GeneralManager);

    /// <summary>The customer property register (PropertyAccess): who receives, and who reads (a salesperson: own customers' items only).</summary>
    private static readonly Access PropertyReceivers = Access.Only(QualityStaff, QualityHead, ProductionHead, PurchasingHead, Sales, SalesManager);

    private static readonly Access PropertyReaders = Access.Only(QualityStaff, QualityHead, ProductionHead, PurchasingHead, Sales, SalesManager, GeneralManager, Administrator);

    /// <summary>Special-requirement cases (CaseAccess): who opens them and who reads the reports.</summary>
    private static readonly Access CaseOpeners = Access.Only(Sales, SalesManager, QualityHead, QualityStaff, ContractAdministrator);

    private static readonly Access CaseReporters = Access.Only(SalesManager, GeneralManager, QualityHead, Administrator);

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Account, setup, errors, culture: open to everyone.
        new("GET", "/Account/Login", Access.Anonymous),
        new("POST", "/Account/Login", Access.Anonymous) { Note = "An empty form is a failed sign-in (no user name)." },
        new("POST", "/Account/Logout", Access.Anonymous) { Note = "Signs out; the matrix ignores the cookie it clears." },
        new("GET", "/Account/AccessDenied", Access.Anonymous) { AnswersForbidden = true },
        new("GET", "/Account/LoginTwoFactor", Access.Anonymous) { Note = "Without a pending password sign-in it leads back to the login page." },
        new("POST", "/Account/LoginTwoFactor", Access.Anonymous) { Note = "Without a pending password sign-in it leads back to the login page." },
        new("GET", "/Account/ChangePassword", Access.AnySignedIn) { Note = "The user's own password; the only page open while an administrator's reset requires a new one." },
        new("POST", "/Account/ChangePassword", Access.AnySignedIn) { Note = "Needs the current password; an empty form is a validation message and changes nothing." },

        // Two-factor sign-in: each user's own authenticator (roles in Security:RequireTwoFactorForRoles must set it up).
        new("GET", "/TwoFactor/Index", Access.AnySignedIn),
        new("GET", "/TwoFactor/Setup", Access.AnySignedIn),
        new("POST", "/TwoFactor/Setup", Access.AnySignedIn) { Note = "An empty code is a validation message." },
        new("GET", "/TwoFactor/RecoveryCodes", Access.AnySignedIn),
        new("POST", "/TwoFactor/RegenerateRecoveryCodes", Access.AnySignedIn) { Note = "Only with two-factor sign-in on." },
        new("POST", "/TwoFactor/Disable", Access.AnySignedIn) { Note = "Needs the password; an empty one is a validation message." },

        // Notifications (ADR 0024): each user's own; another user's notification is not found.
        new("GET", "/Notifications", Access.AnySignedIn),
        new("POST", "/Notifications/{id}/Open", Access.AnySignedIn) { Note = "Only the user's own notification; another's is 404." },
        new("POST", "/Notifications/{id}/Unread", Access.AnySignedIn) { Note = "Only the user's own notification; another's is 404." },
        new("POST", "/Notifications/ReadAll", Access.AnySignedIn),
        new("GET", "/Notifications/Preferences", Access.AnySignedIn),
        new("POST", "/Notifications/Preferences", Access.AnySignedIn),

        // Forgot password by e-mail link: anonymous; the same answer for unknown names; the link works once and expires.
        new("GET", "/PasswordReset", Access.Anonymous),
        new("POST", "/PasswordReset", Access.Anonymous) { Note = "An empty name is a validation message." },
        new("GET", "/PasswordReset/Sent", Access.Anonymous),
        new("GET", "/PasswordReset/Reset", Access.Anonymous) { Note = "Without a valid token: 404 with the message." },
        new("POST", "/PasswordReset/Reset", Access.Anonymous) { Note = "An empty form is a validation message." },
        new("GET", "/PasswordReset/Done", Access.Anonymous),

        // Bank details, credit limit and credit rating proposed by sales wait for finance.
        new("GET", "/FinanceProposals/Index", Access.Only(FinanceHead)),
        new("POST", "/FinanceProposals/Confirm/{id}", Access.Only(FinanceHead)),
        new("POST", "/FinanceProposals/Reject/{id}", Access.Only(FinanceHead)),
        new("GET", "/Setup/Index", Access.Anonymous) { Note = "404 once a user exists (SetupGate)." },
        new("POST", "/Setup/Index", Access.Anonymous) { Note = "404 once a user exists (SetupGate)." },
        new("ANY", "/Error", Access.Anonymous),
        new("ANY", "/Error/{code}", Access.Anonymous),
        new("POST", "/Culture/Set", Access.Anonymous) { Form = _ => [new("culture", "en"), new("returnUrl", "/")] },
        new("GET", "/s/{token}", Access.Anonymous) { Note = "The public survey link; unknown, used and expired tokens answer the same 404." },
        new("POST", "/s/{token}", Access.Anonymous) { Note = "The public survey link; unknown, used and expired tokens answer the same 404." },

        // Start page and work queue: every signed-in user (the queue shows what the user's roles and departments have to do).
        new("ANY", "/Home/Index", Access.AnySignedIn),
        new("GET", "/Queue/Index", Access.AnySignedIn),

        // Management-review dashboard (ISO 9001 §9.3 input): the general manager and the quality head.
        new("GET", "/Dashboards/ManagementReview", Access.Only(GeneralManager, QualityHead)),
        new("GET", "/Dashboards/Print", Access.Only(GeneralManager, QualityHead)),
        new("GET", "/Dashboards/Csv", Access.Only(GeneralManager, QualityHead)),
        new("GET", "/Dashboards/Excel", Access.Only(GeneralManager, QualityHead)),

        // Administration.
        new("GET", "/Users/Index", Admin),
        new("GET", "/Users/Create", Admin),
        new("POST", "/Users/Create", Admin),
        new("GET", "/Users/Edit/{id}", Admin) { Url = r => $"/Users/Edit/{r.ThrowawayUserId}" },
        new("POST", "/Users/Edit/{id}", Admin) { Url = r => $"/Users/Edit/{r.ThrowawayUserId}" },
        new("GET", "/Users/Deactivate/{id}", Admin) { Url = r => $"/Users/Deactivate/{r.ThrowawayUserId}" },
        new("GET", "/Users/ResetPassword/{id}", Admin) { Url = r => $"/Users/ResetPassword/{r.ThrowawayUserId}" },
        new("POST", "/Users/ResetPassword/{id}", Admin) { Url = r => $"/Users/ResetPassword/{r.ThrowawayUserId}" },
        new("POST", "/Users/SetActive/{id}", Admin) { Url = r => $"/Users/SetActive/{r.ThrowawayUserId}", Note = "Posted against a throwaway user; an empty form is a 400 and changes nothing." },
        new("GET", "/Users/History/{id}", Admin) { Url = r => $"/Users/History/{r.ThrowawayUserId}" },
        new("GET", "/Departments/Index", Admin),
        new("GET", "/Departments/Create", Admin),
        new("POST", "/Departments/Create", Admin),
        new("GET", "/Departments/Edit/{id}", Admin),
        new("POST", "/Departments/Edit/{id}", Admin),
        new("GET", "/Departments/History/{id}", Admin),
        new("GET", "/ReviewPolicy/Index", Admin),
        new("POST", "/ReviewPolicy/Index", Admin) { Note = "An empty form has no valid thresholds and changes nothing." },
        new("GET", "/ReviewPolicy/History", Admin),
        new("GET", "/Delegations/Index", Access.AnySignedIn),
        new("POST", "/Delegations/Index", Access.Only(QualityHead)) { Form = _ => [new("DepartmentCode", "Quality")], Note = "Posted for the Quality department (and nothing else, so nothing is recorded): 403 unless the user heads the department named in the form." },
        new("POST", "/Delegations/Revoke/{id}", Access.AnySignedIn) { Note = "403 unless the user gave the delegation." },

        // Customer archive and products.
        new("GET", "/Customers/Index", Access.AnySignedIn),
        new("GET", "/Customers/Details/{id}", Access.AnySignedIn) { Note = "The customer's file (#16, ADR 0025): 403 unless the owner, a standing role or an approved access.", OnRecord = new(r => $"/Customers/Details/{r.DemoCustomerId}", FileReaders) },
        new("GET", "/Customers/History/{id}", Access.AnySignedIn) { Note = "Part of the customer's file.", OnRecord = new(r => $"/Customers/History/{r.DemoCustomerId}", FileReaders) },
        new("GET", "/Customers/Contracts/{id}", Access.AnySignedIn) { Note = "Part of the customer's file.", OnRecord = new(r => $"/Customers/Contracts/{r.DemoCustomerId}", FileReaders) },
        new("GET", "/Customers/ChangeClass/{id}", CustomerEditors) { Note = "403 unless the owner or the sales manager." },
        new("POST", "/Customers/ChangeClass/{id}", CustomerEditors) { Note = "Forbidden unless the owner or the sales manager." },
        new("GET", "/Customers/ClassChanges", ClassChangeDeciders),
        new("POST", "/Customers/ApproveClassChange/{id}", ClassChangeDeciders) { Note = "The sales manager (the GM for the sales manager's own request); quality when the change lowers the review level." },
        new("POST", "/Customers/RejectClassChange/{id}", Access.Only(SalesManager, GeneralManager, QualityHead, Sales)) { Note = "An approver, or the requester withdrawing." },
        new("GET", "/Archive/Index", Access.AnySignedIn),
        new("GET", "/Audit/Verify", Access.Only(QualityHead, GeneralManager, Administrator)) { Note = "Walks the audit chain (ADR 0031)." },
        // Retention and disposal (ADR 0041): the quality head requests and carries out, the general manager approves or rejects.
        new("GET", "/Retention/Index", Access.Only(QualityHead, GeneralManager)),
        new("POST", "/Retention/Submit", Access.Only(QualityHead)) { Note = "An empty form names no records and is a validation message." },
        new("GET", "/Retention/Register", Access.Only(QualityHead, GeneralManager)),
        new("GET", "/Retention/Details/{id}", Access.Only(QualityHead, GeneralManager)),
        new("GET", "/Retention/Print/{id}", Access.Only(QualityHead, GeneralManager)),
        new("GET", "/Retention/Pdf/{id}", Access.Only(QualityHead, GeneralManager)),
        new("POST", "/Retention/Approve/{id}", Access.Only(GeneralManager)) { Note = "403 when the approver requested the disposal." },
        new("POST", "/Retention/Reject/{id}", Access.Only(GeneralManager)) { Note = "403 when the approver requested the disposal." },
        new("POST", "/Retention/Execute/{id}", Access.Only(QualityHead, GeneralManager)) { Note = "Only an approved disposal is carried out." },
        new("GET", "/Evidence", Access.Only(QualityHead, QualityStaff, GeneralManager)) { Note = "The evidence packs (#18 item 6, ADR 0042)." },
        new("POST", "/Evidence", Access.Only(QualityHead, QualityStaff, GeneralManager)) { Note = "An empty form names no period and queues nothing." },
        new("GET", "/Evidence/{id}", Access.Only(QualityHead, QualityStaff, GeneralManager)),
        new("GET", "/Evidence/{id}/Download", Access.Only(QualityHead, QualityStaff, GeneralManager)) { Note = "Every download is logged." },
        new("GET", "/Archive/Ask/{id}", Access.AnySignedIn),
        new("POST", "/Archive/Ask/{id}", Access.AnySignedIn),
        new("POST", "/Archive/Approve/{id}", Access.AnySignedIn) { Note = "Forbidden unless the requester's department head (the GM when the requester heads it) or the archive owner." },
        new("POST", "/Archive/Reject/{id}", Access.AnySignedIn) { Note = "The head, the owner, or the requester." },
        new("GET", "/Archive/ViewLog/{id}", Access.AnySignedIn) { Note = "The owner, the sales manager and quality.", OnRecord = new(r => $"/Archive/ViewLog/{r.DemoCustomerId}", Access.Only(Sales, SalesManager, QualityHead)) },
        new("GET", "/Archive/Due", Access.Only(Sales, SalesManager)),
        new("POST", "/Archive/Keep/{id}", Access.Only(Sales, SalesManager)) { Note = "Forbidden unless the owner or the sales manager." },
        new("GET", "/Customers/Create", CustomerEditors),
        new("POST", "/Customers/Create", CustomerEditors),
        new("GET", "/Customers/Edit/{id}", CustomerEditors) { Note = "Finding 1 (branch sec-a): only the owner salesperson, the sales manager and the administrator." },
        new("POST", "/Customers/Edit/{id}", CustomerEditors) { Note = "Finding 1 (branch sec-a): only the owner salesperson, the sales manager and the administrator." },
        new("GET", "/Customers/Deactivate/{id}", CustomerEditors),
        new("POST", "/Customers/Deactivate/{id}", CustomerEditors) { Note = "Asks to mark inactive (#16); forbidden unless the owner or the sales manager." },
        new("GET", "/Customers/ReportClosure/{id}", CustomerEditors) { Note = "403 unless the owner or the sales manager." },
        new("POST", "/Customers/ReportClosure/{id}", CustomerEditors) { Note = "Forbidden unless the owner or the sales manager." },
        new("POST", "/Customers/Reactivate/{id}", CustomerEditors),
        new("POST", "/Customers/AddContact/{id}", CustomerEditors),
        new("POST", "/Customers/DeactivateContact/{id}", CustomerEditors),
        new("GET", "/Products/Index", Access.AnySignedIn),
        new("GET", "/Products/History/{id}", Access.AnySignedIn),
        new("GET", "/Products/Create", ProductEditors),
        new("POST", "/Products/Create", ProductEditors),
        new("GET", "/Products/Edit/{id}", ProductEditors),
        new("POST", "/Products/Edit/{id}", ProductEditors),
        new("POST", "/Products/ToggleActive/{id}", ProductEditors),

        // Orders and the review spine.
        new("GET", "/Orders/Index", Access.AnySignedIn) { Note = "Lists only the user's own orders unless the user sees all orders (sales manager, GM, contract administrator)." },
        new("GET", "/Orders/Create", Capturers),
        new("POST", "/Orders/Create", Capturers),
        new("GET", "/Orders/Edit/{id}", Access.AnySignedIn) { Note = "403 unless a draft of the user's own, or the sales manager.", OnRecord = new(r => $"/Orders/Edit/{r.SalesDraftOrderId}", Capturers) },
        new("POST", "/Orders/Edit/{id}", Access.AnySignedIn) { Note = "403 unless a draft of the user's own, or the sales manager." },
        new("POST", "/Orders/Submit/{id}", Access.AnySignedIn) { Note = "403 unless a draft of the user's own, or the sales manager." },
        new("POST", "/Orders/Withdraw/{id}", Access.AnySignedIn) { Note = "403 unless the user's own order, or the sales manager.", OnRecord = new(r => $"/Orders/Withdraw/{r.SalesDraftOrderId}", Capturers) },
        new("POST", "/Orders/ConfirmOral/{id}", Access.AnySignedIn) { Note = "403 unless the user's own order, or the sales manager.", OnRecord = new(r => $"/Orders/ConfirmOral/{r.ContractOrderId}", Capturers) },
        new("GET", "/Orders/Details/{id}", Access.AnySignedIn) { Note = "403 unless the user may read the order (ReviewAccess).", OnRecord = new(r => $"/Orders/Details/{r.SalesDraftOrderId}", OrderReaders) },
        new("GET", "/Orders/History/{id}", Access.AnySignedIn) { Note = "403 unless the user may read the order (ReviewAccess).", OnRecord = new(r => $"/Orders/History/{r.SalesDraftOrderId}", OrderReaders) },
        new("GET", "/Orders/OralConfirmation/{id}", Access.AnySignedIn) { Note = "404 unless an oral order; 403 unless the user may read the order (ReviewAccess)." },
        new("GET", "/Orders/OralConfirmationPdf/{id}", Access.AnySignedIn) { Note = "404 unless an oral order; 403 unless the user may read the order (ReviewAccess)." },
        new("POST", "/Orders/SignContract/{id}", ContractSigners),
        new("GET", "/Reviews/{id}", Access.AnySignedIn) { Note = "403 unless the user may read the review (ReviewAccess).", OnRecord = new(r => $"/Reviews/{r.ContractReviewId}", ReviewReaders) },
        new("GET", "/Reviews/Details/{id}", Access.AnySignedIn) { Note = "403 unless the user may read the review (ReviewAccess).", OnRecord = new(r => $"/Reviews/Details/{r.ContractReviewId}", ReviewReaders) },
        new("GET", "/Reviews/{id}/Print", Access.AnySignedIn) { Note = "403 unless the user may read the review (ReviewAccess).", OnRecord = new(r => $"/Reviews/{r.ContractReviewId}/Print", ReviewReaders) },
        new("GET", "/Reviews/{id}/Pdf", Access.AnySignedIn) { Note = "403 unless the user may read the review (ReviewAccess).", OnRecord = new(r => $"/Reviews/{r.ContractReviewId}/Pdf", ReviewReaders) },
        new("GET", "/Reviews/{id}/History", Access.AnySignedIn) { Note = "403 unless the user may read the review (ReviewAccess).", OnRecord = new(r => $"/Reviews/{r.ContractReviewId}/History", ReviewReaders) },
        new("POST", "/Reviews/{id}/Sections/{department}/Sign", Access.Only(QualityHead)) { Note = "Posted for the Quality section: only its head (or a deputy by delegation), checked before the review is looked up." },
        new("POST", "/Reviews/{id}/Sections/{department}/Discrepancies", Access.Only(QualityHead)) { Note = "Posted for the Quality section: only its head (or a deputy by delegation), checked before the review is looked up." },
        new("POST", "/Reviews/{id}/Discrepancies/{discrepancyId}/Resolve", Access.Only(SalesManager)),
        new("POST", "/Reviews/{id}/Discrepancies/{discrepancyId}/Confirm", Access.AnySignedIn) { Note = "403 unless the user acts for the department that raised it." },
        new("POST", "/Reviews/{id}/Discrepancies/{discrepancyId}/Reopen", Access.AnySignedIn) { Note = "403 unless the user acts for the department that raised it." },
        new("POST", "/Reviews/{id}/Meeting", Access.Only(SalesManager)),
        new("POST", "/Reviews/{id}/RaiseLevel", Access.Only(SalesManager)),
        new("POST", "/Reviews/{id}/Conclude", Access.Only(SalesManager, BusinessUnitHead)) { Note = "The handler then refuses a user whose role is not the review's concluder (403)." },
        new("POST", "/Reviews/{id}/Approve", Access.Only(GeneralManager)),
        new("POST", "/Reviews/{id}/Reject", Access.Only(GeneralManager)),

        // Contracts: ledger, tracking, notices, changes.
        new("GET", "/Ledger/Index", LedgerReaders) { Note = "Salespeople see their own contracts only." },
        new("GET", "/Ledger/Export", LedgerReaders) { Note = "Salespeople see their own contracts only." },
        new("GET", "/Ledger/Details/{id}", Access.AnySignedIn) { Note = "403 unless the user may read the contract (TrackingAccess).", OnRecord = new(r => $"/Ledger/Details/{r.ContractId}", ContractReaders) },
        new("GET", "/Ledger/Details/{id}/Versions/{number}", Access.AnySignedIn) { Note = "403 unless the user may read the contract (TrackingAccess).", OnRecord = new(r => $"/Ledger/Details/{r.ContractId}/Versions/1", ContractReaders) },
        new("GET", "/Ledger/History/{id}", Access.AnySignedIn) { Note = "403 unless the user may read the contract (TrackingAccess).", OnRecord = new(r => $"/Ledger/History/{r.ContractId}", ContractReaders) },
        new("POST", "/Contracts/{id}/Deliveries", Access.AnySignedIn) { Note = "403 unless contract administrator or sales manager.", OnRecord = new(r => $"/Contracts/{r.ContractId}/Deliveries", ContractSigners) },
        new("POST", "/Contracts/{id}/Close", Access.AnySignedIn) { Note = "403 unless contract administrator or sales manager.", OnRecord = new(r => $"/Contracts/{r.ContractId}/Close", ContractSigners) },
        new("POST", "/Contracts/{id}/Invoices", Access.AnySignedIn) { Note = "403 unless contract administrator or finance head.", OnRecord = new(r => $"/Contracts/{r.ContractId}/Invoices", MoneyRecorders) },
        new("POST", "/Contracts/{id}/Payments", Access.AnySignedIn) { Note = "403 unless contract administrator or finance head.", OnRecord = new(r => $"/Contracts/{r.ContractId}/Payments", MoneyRecorders) },
        new("POST", "/Contracts/{id}/Communications", Access.AnySignedIn) { Note = "403 unless the order's salesperson, contract administrator or sales manager.", OnRecord = new(r => $"/Contracts/{r.ContractId}/Communications", Access.Only(Sales, ContractAdministrator, SalesManager)) },
        new("GET", "/Notices/New", Access.AnySignedIn) { Note = "403 unless contract administrator or sales manager (after the contract is found).", OnRecord = new(r => $"/Notices/New?contractId={r.ContractId}", ContractSigners) },
        new("POST", "/Notices/New", Access.AnySignedIn) { Note = "403 unless contract administrator or sales manager (after the contract is found).", OnRecord = new(_ => "/Notices/New", ContractSigners) { Form = r => [new("ContractId", r.ContractId.ToString())] } },
        new("GET", "/Notices/{id}", Access.AnySignedIn) { Note = "403 unless an addressed department or a reader of the contract." },
        new("GET", "/Notices/{id}/Print", Access.AnySignedIn) { Note = "403 unless an addressed department or a reader of the contract." },
        new("GET", "/Notices/{id}/Pdf", Access.AnySignedIn) { Note = "403 unless an addressed department or a reader of the contract." },
        new("GET", "/Notices/{id}/History", Access.AnySignedIn) { Note = "403 unless an addressed department or a reader of the contract." },
        new("POST", "/Notices/{id}/Acknowledge/{department}", Access.AnySignedIn) { Note = "403 unless the user heads or acts for the department." },
        new("POST", "/ServiceNotices/New", Access.AnySignedIn) { Note = "403 unless contract administrator or sales manager (after the contract is found).", OnRecord = new(_ => "/ServiceNotices/New", ContractSigners) { Form = r => [new("ContractId", r.ContractId.ToString())] } },
        new("GET", "/ServiceNotices/{id}", Access.AnySignedIn) { Note = "403 unless the technical department or a reader of the contract." },
        new("GET", "/ServiceNotices/{id}/Print", Access.AnySignedIn) { Note = "403 unless the technical department or a reader of the contract." },
        new("GET", "/ServiceNotices/{id}/Pdf", Access.AnySignedIn) { Note = "403 unless the technical department or a reader of the contract." },
        new("POST", "/ServiceNotices/{id}/SiteRecords", Access.AnySignedIn) { Note = "403 unless the user heads or acts for the technical department." },
        new("POST", "/ServiceNotices/{id}/Close", Access.AnySignedIn) { Note = "403 unless the user heads or acts for the technical department." },
        new("GET", "/Changes/New", Access.AnySignedIn) { Note = "403 unless the order's salesperson, contract administrator, sales manager or GM.", OnRecord = new(r => $"/Changes/New?contractId={r.ContractId}", Access.Only(Sales, ContractAdministrator, SalesManager, GeneralManager)) },
        new("POST", "/Changes/New", Access.AnySignedIn) { Note = "403 unless the order's salesperson, contract administrator, sales manager or GM.", OnRecord = new(_ => "/Changes/New", Access.Only(Sales, ContractAdministrator, SalesManager, GeneralManager)) { Form = r => [new("ContractId", r.ContractId.ToString())] } },
        new("GET", "/Changes/{id}", Access.AnySignedIn) { Note = "403 unless a reader of the contract." },
        new("GET", "/Changes/{id}/History", Access.AnySignedIn) { Note = "403 unless a reader of the contract." },
        new("GET", "/Changes/{id}/Print", Access.AnySignedIn) { Note = "403 unless a reader of the contract (as the details page)." },
        new("GET", "/Changes/{id}/Pdf", Access.AnySignedIn) { Note = "403 unless a reader of the contract (as the details page)." },
        new("POST", "/Changes/{id}/Accept", Access.AnySignedIn) { Note = "403 unless sales manager or GM (after the change is found)." },
        new("POST", "/Changes/{id}/Reject", Access.AnySignedIn) { Note = "403 unless sales manager or GM (after the change is found)." },
        new("POST", "/Changes/{id}/Withdraw", Access.AnySignedIn) { Note = "403 unless the user recorded it, or sales manager or GM." },

        // Complaints, returns, analysis, surveys, attachments.
        new("GET", "/Complaints/Index", Access.AnySignedIn) { Note = "Salespeople see complaints of customers they own or logged; quality, sales manager, GM, admin see all." },
        new("GET", "/Complaints/Create", Intake),
        new("POST", "/Complaints/Create", Intake),
        new("GET", "/Complaints/Details/{id}", Access.AnySignedIn) { Note = "403 unless the complaint is visible to the user (ComplaintAccess).", OnRecord = new(r => $"/Complaints/Details/{r.SalesComplaintId}", ComplaintReaders) },
        new("GET", "/Complaints/Sheet/{id}", Access.AnySignedIn) { Note = "403 unless the complaint is visible to the user (ComplaintAccess).", OnRecord = new(r => $"/Complaints/Sheet/{r.SalesComplaintId}", ComplaintReaders) },
        new("GET", "/Complaints/SheetPdf/{id}", Access.AnySignedIn) { Note = "403 unless the complaint is visible to the user (ComplaintAccess).", OnRecord = new(r => $"/Complaints/SheetPdf/{r.SalesComplaintId}", ComplaintReaders) },
        new("GET", "/Complaints/History/{id}", Access.AnySignedIn) { Note = "403 unless the complaint is visible to the user (ComplaintAccess).", OnRecord = new(r => $"/Complaints/History/{r.SalesComplaintId}", ComplaintReaders) },
        new("POST", "/Complaints/Investigate/{id}", Quality),
        new("POST", "/Complaints/AddAction/{id}", Quality),
        new("POST", "/Complaints/CompleteAction/{id}", Access.AnySignedIn) { Note = "403 unless the action's owner or quality." },
        new("POST", "/Complaints/VerifyAction/{id}", Quality),
        new("POST", "/Complaints/WaiveAction/{id}", Quality),
        new("POST", "/Complaints/Answer/{id}", Quality),
        new("POST", "/Complaints/Close/{id}", Quality),
        new("GET", "/Returns/Index", Access.AnySignedIn) { Note = "Filtered like complaints." },
        new("GET", "/Returns/Create", Intake),
        new("POST", "/Returns/Create", Intake),
        new("POST", "/Returns/Register", Intake),
        new("GET", "/Returns/Details/{id}", Access.AnySignedIn) { Note = "403 unless the return is visible to the user (ComplaintAccess)." },
        new("GET", "/Returns/History/{id}", Access.AnySignedIn) { Note = "403 unless the return is visible to the user (ComplaintAccess)." },
        new("POST", "/Returns/Inspect/{id}", Quality),
        new("POST", "/Returns/Settle/{id}", Access.Only(Sales, SalesManager)),
        new("POST", "/Returns/BookBack/{id}", Quality),

        // Customer property register (#16 B): quality is the custodian; a salesperson sees the items of their own customers.
        new("GET", "/CustomerProperty/Index", PropertyReaders) { Note = "A salesperson sees the items of the customers they own or received (PropertyAccess)." },
        new("GET", "/CustomerProperty/Export", PropertyReaders) { Note = "Filtered like the list." },
        new("GET", "/CustomerProperty/Print", PropertyReaders) { Note = "Filtered like the list." },
        new("GET", "/CustomerProperty/RegisterPdf", PropertyReaders) { Note = "Filtered like the list." },
        new("GET", "/CustomerProperty/Create", PropertyReceivers),
        new("POST", "/CustomerProperty/Create", PropertyReceivers),
        new("GET", "/CustomerProperty/Details/{id}", PropertyReaders) { Note = "403 unless the item is visible to the user (PropertyAccess)." },
        new("GET", "/CustomerProperty/History/{id}", PropertyReaders) { Note = "403 unless the item is visible to the user (PropertyAccess)." },
        new("GET", "/CustomerProperty/Incident/{id}", PropertyReaders) { Note = "403 unless the item is visible to the user (PropertyAccess)." },
        new("GET", "/CustomerProperty/IncidentPdf/{id}", PropertyReaders) { Note = "403 unless the item is visible to the user (PropertyAccess)." },
        new("POST", "/CustomerProperty/Inspect/{id}", Quality),
        new("POST", "/CustomerProperty/Use/{id}", Access.Only(QualityStaff, QualityHead, ProductionHead)),
        new("POST", "/CustomerProperty/ReportIncident/{id}", Quality),
        new("POST", "/CustomerProperty/Reply/{id}", Access.Only(QualityStaff, QualityHead, Sales, SalesManager)) { Note = "403 unless the item is visible to the user." },
        new("POST", "/CustomerProperty/Return/{id}", Quality),

        // Special-requirement cases (#16 B): everyone sees the cases they own or opened; the sales manager, GM, quality head and administrator see all.
        new("GET", "/SpecialRequirements/Index", Access.AnySignedIn) { Note = "Filtered by CaseAccess." },
        new("GET", "/SpecialRequirements/Mine", Access.AnySignedIn) { Note = "The user's own open cases (the reminders)." },
        new("GET", "/SpecialRequirements/Reports", CaseReporters),
        new("GET", "/SpecialRequirements/Create", CaseOpeners),
        new("POST", "/SpecialRequirements/Create", CaseOpeners),
        new("GET", "/SpecialRequirements/Details/{id}", Access.AnySignedIn) { Note = "403 unless the case is visible to the user (CaseAccess)." },
        new("GET", "/SpecialRequirements/History/{id}", Access.AnySignedIn) { Note = "403 unless the case is visible to the user (CaseAccess)." },
        new("POST", "/SpecialRequirements/Step/{id}", Access.AnySignedIn) { Note = "403 unless the case's owner or the sales manager." },
        new("GET", "/ComplaintAnalysis/Index", Analysts),
        new("GET", "/ComplaintAnalysis/Csv", Analysts),
        new("GET", "/Surveys/Index", SurveyRoles),
        new("GET", "/Surveys/Create", SurveyRoles),
        new("POST", "/Surveys/Create", SurveyRoles) { Note = "An empty form names no customers and opens no campaign." },
        new("GET", "/Surveys/Details/{id}", SurveyRoles),
        new("GET", "/Surveys/Questionnaire/{id}", SurveyRoles),
        new("GET", "/Surveys/QuestionnairePdf/{id}", SurveyRoles),
        new("GET", "/Surveys/Answered/{id}", SurveyRoles),
        new("GET", "/Surveys/AnsweredPdf/{id}", SurveyRoles),
        new("POST", "/Surveys/Respond/{id}", SurveyRoles),
        new("POST", "/Surveys/FollowUp", SurveyRoles),
        new("GET", "/Surveys/Analysis", SurveyRoles),
        new("GET", "/Surveys/Csv", SurveyRoles),
        new("GET", "/Surveys/SummaryCsv", SurveyRoles),
        new("POST", "/Attachments/Upload", Access.Only(Sales, SalesManager, QualityStaff, QualityHead))
        {
            Form = r => [new("ownerType", "Complaint"), new("ownerId", r.SalesComplaintId.ToString()), new("returnUrl", "/")],
            Note = "Posted without a file against a complaint of the demo salesperson's customer: the uploading roles of the record's kind (contract: contract administrator, sales manager; discrepancy: sales manager; complaint/return: sales and quality) who may also read the record.",
        },
        // Tenders (ADR 0020): every signed-in user reaches the list (filtered); the record decides the rest.
        new("GET", "/Tenders/Index", Access.AnySignedIn) { Note = "Salespeople see tenders they registered or of customers they own; SM, GM, BU head, admin and the reviewing department heads see all." },
        new("GET", "/Tenders/Create", TenderWorkers),
        new("POST", "/Tenders/Create", TenderWorkers),
        new("GET", "/Tenders/Details/{id}", Access.AnySignedIn) { Note = "403 unless the tender is visible to the user (TenderAccess)." },
        new("GET", "/Tenders/History/{id}", Access.AnySignedIn) { Note = "403 unless the tender is visible to the user (TenderAccess)." },
        new("POST", "/Tenders/Ask/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("POST", "/Tenders/Answer/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("POST", "/Tenders/Bid/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("POST", "/Tenders/Submit/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("POST", "/Tenders/Outcome/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("POST", "/Tenders/Withdraw/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("POST", "/Tenders/StartReview/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("GET", "/Tenders/Policy", Admin),
        new("POST", "/Tenders/Policy", Admin) { Note = "An empty form is a validation message." },
        new("POST", "/Tenders/CreateOrder/{id}", TenderWorkers) { Note = "404 unless visible, 403 unless the registering salesperson or the sales manager." },
        new("GET", "/Attachments/Download/{id}", Access.AnySignedIn) { Note = "403 unless the user may read the record the file belongs to.", OnRecord = new(r => $"/Attachments/Download/{r.ComplaintAttachmentId}", ComplaintReaders) },
    ];
}
