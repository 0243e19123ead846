using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Graph.Benchmarks.Storage;

/// <summary>Writes the store's log lines to stderr with the time since the phase began, so open stages show their cost.</summary>
public sealed class StderrLogger(Stopwatch clock) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.Error.WriteLine($"[store +{clock.ElapsedMilliseconds} ms] {formatter(state, exception)}");
        }
    }
}
