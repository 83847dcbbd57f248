namespace CaseOps.Sandbox.Faults;

/// <summary>What the fault middleware does with one request.</summary>
/// <param name="Latency">Delay before anything else happens.</param>
/// <param name="Status">Status to answer instead of the real handler, or null to pass through.</param>
/// <param name="RetryAfterSeconds">Value of the Retry-After header when <paramref name="Status"/> is 429.</param>
public readonly record struct FaultDecision(TimeSpan Latency, int? Status, int RetryAfterSeconds);
