namespace Vigie.Core;

/// <summary>
/// The outcome of parsing or normalising outside input, where failure is expected and must be reported
/// to the caller (it becomes an OperationOutcome at the HTTP edge), not thrown.
/// </summary>
public readonly record struct ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Why the input was refused, or null when it was accepted.</summary>
    public string? Error { get; }

    /// <summary>True when the input was accepted.</summary>
    public bool Success => Error is null;

    /// <summary>The accepted value; throws when the input was refused (a caller bug).</summary>
    public T Value => Success ? _value! : throw new InvalidOperationException("No value: " + Error);

    /// <summary>An accepted value.</summary>
    public static ParseResult<T> Ok(T value) => new(value, null);

    /// <summary>A refusal with a message fit to show the client (never containing identity data).</summary>
    public static ParseResult<T> Fail(string error) => new(default, error);
}
