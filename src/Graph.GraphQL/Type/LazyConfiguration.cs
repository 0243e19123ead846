namespace Graph.GraphQL.Type;

/// <summary>
/// A type's configuration, run once on first use. Other threads wait on the gate until it has finished (two schemas
/// built at once share the introspection types, and must never see one half-built); the configuring thread, re-entering
/// while its configuration reads its own type, returns at once instead of recursing.
/// </summary>
internal sealed class LazyConfiguration
{
    private readonly object _gate = new();
    private Action? _configure;
    private volatile bool _configured;
    private bool _configuring;

    /// <summary>Sets what runs on first use (replacing what was set before it ran).</summary>
    public void Set(Action configure) => _configure = configure;

    /// <summary>Runs the configuration unless it has run or is running on this thread.</summary>
    public void Ensure()
    {
        if (_configured)
        {
            return;
        }

        lock (_gate)
        {
            if (_configured || _configuring)
            {
                return;
            }

            _configuring = true;
            try
            {
                var configure = _configure;
                _configure = null;
                configure?.Invoke();
            }
            finally
            {
                _configuring = false;
                _configured = true;
            }
        }
    }
}
