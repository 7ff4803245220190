namespace CustomerProcess.Domain.CustomerProperty;

/// <summary>What the customer supplied or lent (docs/process.md §8).</summary>
public enum PropertyKind
{
    Material,
    Part,
    Equipment,
    Gauge,
    Drawing,
    Sample,
    IntellectualProperty,
    PersonalData,
}

/// <summary>Where a customer property item is in its life: received → inspected into storage → in use → returned;
/// a problem puts it on hold until the customer answers; a loss ends it.</summary>
public enum PropertyStatus
{
    Received,
    InStorage,
    InUse,
    OnHold,
    Returned,
    Lost,
}

/// <summary>What went wrong with a customer property item (顾客财产问题报告).</summary>
public enum PropertyIncidentKind
{
    FailedInspection,
    QuantityMismatch,
    Damage,
    Loss,
    Unsuitable,
}

/// <summary>The one transition table of customer property.</summary>
public static class PropertyTransitions
{
    public static bool CanMove(PropertyStatus from, PropertyStatus to) => from switch
    {
        PropertyStatus.Received => to is PropertyStatus.InStorage or PropertyStatus.OnHold or PropertyStatus.Returned or PropertyStatus.Lost,
        PropertyStatus.InStorage => to is PropertyStatus.InUse or PropertyStatus.OnHold or PropertyStatus.Returned or PropertyStatus.Lost,
        PropertyStatus.InUse => to is PropertyStatus.InStorage or PropertyStatus.OnHold or PropertyStatus.Returned or PropertyStatus.Lost,
        PropertyStatus.OnHold => to is PropertyStatus.InStorage or PropertyStatus.OnHold or PropertyStatus.Returned or PropertyStatus.Lost,
        PropertyStatus.Returned => false,
        PropertyStatus.Lost => false,
    };

    public static bool IsFinal(PropertyStatus status) => status is PropertyStatus.Returned or PropertyStatus.Lost;
}
