using Graph.Core.Store;

namespace Graph.Api.Cli;

/// <summary>Shows long work on the terminal: one line per stage, rewritten in place, on standard error.</summary>
public sealed class ConsoleProgress : IProgress<ImportProgress>
{
    private readonly object _gate = new();
    private string? _stage;

    /// <inheritdoc />
    public void Report(ImportProgress value)
    {
        lock (_gate)
        {
            if (_stage is not null && _stage != value.Stage)
            {
                Console.Error.WriteLine();
            }

            _stage = value.Stage;
            var percent = value.Total > 0 ? $" ({100.0 * value.Done / value.Total:0}%)" : "";
            Console.Error.Write($"\r{value.Stage}: {value.Done:N0}/{value.Total:N0}{percent}   ");
        }
    }

    /// <summary>Ends the last progress line.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_stage is not null)
            {
                Console.Error.WriteLine();
                _stage = null;
            }
        }
    }
}
