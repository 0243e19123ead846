namespace Graph.Storage.Neo4j.Http;

/// <summary>
/// An explicit transaction over either HTTP API. It opens lazily with its first statement, commits on
/// <see cref="CommitAsync"/>, and rolls back when disposed uncommitted.
/// </summary>
public sealed class Neo4jTransaction : IAsyncDisposable
{
    private readonly Neo4jConnection _connection;
    private readonly Neo4jProtocol _protocol;
    private readonly CancellationToken _cancellationToken;
    private string? _id;
    private string? _affinity;
    private bool _finished;

    internal Neo4jTransaction(Neo4jConnection connection, Neo4jProtocol protocol, CancellationToken cancellationToken)
    {
        _connection = connection;
        _protocol = protocol;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Runs one statement.</summary>
    public async Task<CypherResult> RunAsync(CypherStatement statement) => (await RunAsync([statement]).ConfigureAwait(false))[0];

    /// <summary>Runs statements in order: one request on the transactional endpoint, one request each on the Query API.</summary>
    public async Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements)
    {
        if (_finished)
        {
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        }

        if (statements.Count == 0)
        {
            return [];
        }

        try
        {
            if (_protocol == Neo4jProtocol.Transactional)
            {
                var path = _id is null ? $"{_connection.DatabasePath}/tx" : $"{_connection.DatabasePath}/tx/{_id}";
                var (body, _) = await _connection.PostAsync(path, TransactionalWireFormat.Body(statements), null, _cancellationToken).ConfigureAwait(false);
                _id ??= TransactionalWireFormat.TransactionId(body)
                    ?? throw new Neo4jException(Neo4jErrorKind.Protocol, null, "Neo4j opened a transaction without saying where to commit it (no 'commit' in the answer).");
                return TransactionalWireFormat.ParseResults(body);
            }

            var results = new List<CypherResult>(statements.Count);
            foreach (var statement in statements)
            {
                var path = _id is null ? $"{_connection.DatabasePath}/query/v2/tx" : $"{_connection.DatabasePath}/query/v2/tx/{_id}";
                // The statement that opens the transaction carries the bookmarks of earlier writes.
                var request = QueryApiWireFormat.Body(statement, read: false, _id is null ? _connection.Bookmarks : null);
                var (body, affinity) = await _connection.PostAsync(path, request, _affinity, _cancellationToken, typed: true).ConfigureAwait(false);
                _affinity ??= affinity;
                _id ??= QueryApiWireFormat.TransactionId(body)
                    ?? throw new Neo4jException(Neo4jErrorKind.Protocol, null, "Neo4j opened a transaction without an id (no 'transaction.id' in the answer).");
                results.Add(QueryApiWireFormat.ParseResult(body));
            }

            return results;
        }
        catch (Neo4jException)
        {
            // Both APIs roll a transaction back when one of its statements fails.
            _finished = _id is not null || _finished;
            throw;
        }
    }

    /// <summary>Commits; a transaction that ran nothing has nothing to commit.</summary>
    public async Task CommitAsync()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        }

        _finished = true;
        if (_id is null)
        {
            return;
        }

        if (_protocol == Neo4jProtocol.Transactional)
        {
            await _connection.PostAsync($"{_connection.DatabasePath}/tx/{_id}/commit", TransactionalWireFormat.Body([]), null, _cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var (answer, _) = await _connection.PostAsync($"{_connection.DatabasePath}/query/v2/tx/{_id}/commit", null, _affinity, _cancellationToken, typed: true).ConfigureAwait(false);
            _connection.RememberBookmarks(answer);
        }
    }

    /// <summary>Rolls back when still open; a failed rollback is not reported (the server times the transaction out).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_finished || _id is null)
        {
            return;
        }

        _finished = true;
        try
        {
            var path = _protocol == Neo4jProtocol.Transactional ? $"{_connection.DatabasePath}/tx/{_id}" : $"{_connection.DatabasePath}/query/v2/tx/{_id}";
            await _connection.DeleteAsync(path, _affinity, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Neo4jException)
        {
        }
    }
}
