using System.Globalization;
using System.Text.Json;
using Graph.Core;
using Graph.Core.Errors;
using Graph.Core.Model;
using Graph.Core.Ontology;
using Microsoft.Extensions.AI;

namespace Graph.Extraction.Extractors.Model;

/// <summary>
/// Extracts with a language model behind <see cref="IChatClient"/>: each chunk of the document is sent with a prompt
/// built from the ontology, and the JSON answer is read tolerantly. The model is not trusted: every candidate goes
/// through the same checks as the rule extractor (verbatim quote, known type and kinds, direction rule) and what fails
/// is dropped and counted in <see cref="ExtractionResult.Dropped"/>. A malformed answer drops that chunk, counted as
/// <c>malformed</c>; a failing or timed-out request throws, so the caller stores nothing for the document.
/// </summary>
public sealed class ChatClientExtractor : IExtractor
{
    /// <summary>Confidence for a candidate whose answer gives none.</summary>
    public const double DefaultConfidence = 0.5;

    private const string BaseVersion = "1.0";

    private readonly IChatClient _client;
    private readonly ModelExtractorOptions _options;
    private readonly Dictionary<string, List<Actor>> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Actor>> _knownByName = new(StringComparer.Ordinal);
    private readonly Dictionary<ActorId, Actor> _knownById = [];

    /// <summary>An extractor asking <paramref name="client"/>, linking actors to the graph's <paramref name="knownActors"/>.</summary>
    /// <param name="client">The chat client; the caller owns and disposes it.</param>
    /// <param name="knownActors">The graph's actors: a name or alias the model gives that folds to one of theirs keeps its id.</param>
    /// <param name="options">Model id, chunk size and timeout; <see cref="ModelExtractorOptions.Enabled"/> is the caller's business.</param>
    public ChatClientExtractor(IChatClient client, IReadOnlyCollection<Actor> knownActors, ModelExtractorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(knownActors);
        _client = client;
        _options = options ?? new ModelExtractorOptions();
        if (_options.MaxChunkChars < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxChunkChars must be at least 1; got {_options.MaxChunkChars}.");
        }

        foreach (var actor in knownActors)
        {
            _knownById.TryAdd(actor.Id, actor);
            Index(_knownByName, actor.Name, actor);
            foreach (var name in actor.Aliases.Prepend(actor.Name))
            {
                Index(_known, name, actor);
            }
        }

        ModelId = NonEmpty(_options.Model) ?? NonEmpty(client.GetService<ChatClientMetadata>()?.DefaultModelId);
    }

    /// <summary>The model asked, from the options or else the client's metadata; null when neither says.</summary>
    public string? ModelId { get; }

    /// <inheritdoc />
    public string Name => "model";

    /// <inheritdoc />
    /// <remarks>Another model proposes differently, so the model id is part of the version: <c>1.0+llama3.1</c>.</remarks>
    public string Version => ModelId is null ? BaseVersion : $"{BaseVersion}+{ModelId}";

    /// <summary>Written on every proposal: <c>model/&lt;model-id&gt;</c>.</summary>
    public string ExtractorLabel => $"{Name}/{ModelId ?? "unknown"}";

    /// <inheritdoc />
    /// <remarks>
    /// Blocks on <see cref="ExtractAsync"/> because <see cref="IExtractor"/> is synchronous; it runs on the thread pool
    /// so a caller with a synchronization context cannot deadlock. Async callers should call <see cref="ExtractAsync"/>.
    /// </remarks>
    public ExtractionResult Extract(ExtractionInput input, CancellationToken cancellationToken = default) =>
        Task.Run(() => ExtractAsync(input, cancellationToken), cancellationToken).GetAwaiter().GetResult();

    /// <summary>Reads the document chunk by chunk and returns the checked proposals.</summary>
    /// <exception cref="TimeoutException">A request took longer than <see cref="ModelExtractorOptions.Timeout"/>.</exception>
    public async Task<ExtractionResult> ExtractAsync(ExtractionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = new Run(this, input);
        var chunks = TextChunker.Split(input.Text, _options.MaxChunkChars);
        for (var i = 0; i < chunks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var answer = await AskAsync(chunks[i].Of(input.Text), i, chunks.Count, cancellationToken).ConfigureAwait(false);
            using var json = AnswerJson.Parse(answer);
            if (json is null)
            {
                run.Drop("malformed");
                continue;
            }

            run.Read(json.RootElement, chunks[i]);
        }

        return run.Result();
    }

    private async Task<string?> AskAsync(string chunk, int index, int count, CancellationToken cancellationToken)
    {
        List<ChatMessage> messages =
        [
            new(ChatRole.System, ExtractionPrompt.System),
            new(ChatRole.User, ExtractionPrompt.User(chunk, index, count)),
        ];
        var chatOptions = new ChatOptions
        {
            ModelId = NonEmpty(_options.Model),
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.Json,
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.Timeout > TimeSpan.Zero && _options.Timeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_options.Timeout);
        }

        try
        {
            var response = await _client.GetResponseAsync(messages, chatOptions, timeout.Token).ConfigureAwait(false);
            return response.Text;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The model did not answer part {index + 1} of {count} within {_options.Timeout}.");
        }
    }

    /// <summary>A known actor for a name the model gave: same kind by name or alias first, then any kind by exact name.</summary>
    private Actor? Known(string name, NodeKind? kind)
    {
        var folded = NameFolding.Fold(name);
        if (folded.Length == 0)
        {
            return null;
        }

        if (_known.TryGetValue(folded, out var matches) && kind is { } k && matches.FirstOrDefault(a => a.Kind == k) is { } sameKind)
        {
            return sameKind;
        }

        // Models waver between Agency and Organization; a full name is safe across kinds, an alias ("Moscow") is not.
        if (_knownByName.TryGetValue(folded, out var byName))
        {
            return byName[0];
        }

        return kind is null && matches is { Count: > 0 } ? matches[0] : null;
    }

    private static void Index(Dictionary<string, List<Actor>> index, string name, Actor actor)
    {
        var folded = NameFolding.Fold(name);
        if (folded.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(folded, out var list))
        {
            index[folded] = list = [];
        }

        if (!list.Contains(actor))
        {
            list.Add(actor);
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>One document's extraction: the actors and proposals so far and the drop counts.</summary>
    private sealed class Run(ChatClientExtractor owner, ExtractionInput input)
    {
        private readonly Dictionary<ActorId, ProposedActor> _actors = [];
        private readonly List<ActorId> _actorOrder = [];
        private readonly List<Proposal> _proposals = [];
        private readonly HashSet<(RelationshipType, ActorId, ActorId, int, int)> _seen = [];
        private readonly Dictionary<string, int> _dropped = new(StringComparer.Ordinal);

        public void Drop(string reason) => _dropped[reason] = _dropped.GetValueOrDefault(reason) + 1;

        /// <summary>Actors are registered only when a proposal names them, so every one listed is named.</summary>
        public ExtractionResult Result() =>
            new([.. _actorOrder.Select(id => _actors[id])], [.. _proposals.OrderBy(p => p.Start).ThenBy(p => p.End)], _dropped);

        /// <summary>Reads one chunk's answer.</summary>
        public void Read(JsonElement root, TextChunk chunk)
        {
            // The answer's actors by folded name and alias; a null value marks a name given with a kind the ontology lacks.
            var listed = new Dictionary<string, ProposedActor?>(StringComparer.Ordinal);
            foreach (var entry in AnswerJson.Array(root, "actors"))
            {
                if (AnswerJson.Text(entry, "name") is not { } rawName || NonEmpty(rawName) is not { } name)
                {
                    continue;
                }

                var aliases = AnswerJson.Array(entry, "aliases").Select(AnswerJson.TextOf).OfType<string>()
                    .Select(NonEmpty).OfType<string>().Where(a => a != name).Distinct(StringComparer.Ordinal).ToList();
                ProposedActor? actor = GraphOntology.TryParseKind(AnswerJson.Text(entry, "kind")?.Trim(), out var kind)
                    ? Propose(name, kind, aliases)
                    : null;
                foreach (var label in aliases.Prepend(name))
                {
                    var folded = NameFolding.Fold(label);
                    // The first entry for a name wins; a later valid one replaces only a rejected one.
                    if (folded.Length > 0 && (!listed.TryGetValue(folded, out var existing) || (existing is null && actor is not null)))
                    {
                        listed[folded] = actor;
                    }
                }
            }

            foreach (var entry in AnswerJson.Array(root, "relationships"))
            {
                ReadRelationship(entry, chunk, listed);
            }
        }

        private void ReadRelationship(JsonElement entry, TextChunk chunk, Dictionary<string, ProposedActor?> listed)
        {
            if (entry.ValueKind != JsonValueKind.Object
                || AnswerJson.Text(entry, "type") is not { } typeName
                || AnswerJson.Text(entry, "from") is not { } fromName
                || AnswerJson.Text(entry, "to") is not { } toName
                || NonEmpty(AnswerJson.Text(entry, "quote")) is not { } quote)
            {
                Drop("malformed");
                return;
            }

            if (!GraphOntology.TryParseType(typeName.Trim().Replace(' ', '_').Replace('-', '_'), out var type))
            {
                Drop("unknown-type");
                return;
            }

            var (from, fromReason) = Resolve(fromName, listed);
            var (to, toReason) = Resolve(toName, listed);
            if (from is null || to is null)
            {
                Drop(fromReason ?? toReason ?? "unknown-actor");
                return;
            }

            if (from.Id == to.Id)
            {
                Drop("same-actor");
                return;
            }

            var rule = GraphOntology.RuleFor(type);
            if (!rule.Allows(from.Kind, to.Kind))
            {
                Drop("direction");
                return;
            }

            var start = Locate(quote, chunk);
            if (start < 0)
            {
                Drop("quote-not-verbatim");
                return;
            }

            // No stance means the source states it; a stance outside the three is not guessed at.
            var stanceText = NonEmpty(AnswerJson.Text(entry, "stance"));
            var stance = Stance.Asserts;
            if (stanceText is not null && (!Enum.TryParse(stanceText, ignoreCase: true, out stance) || !Enum.IsDefined(stance) || char.IsDigit(stanceText[0])))
            {
                Drop("unknown-stance");
                return;
            }

            var end = start + quote.Length;
            // Symmetric types are compared in canonical order: A MET_WITH B and B MET_WITH A on one quote are one proposal id.
            var key = new RelationshipKey(type, from.Id, to.Id).Canonical();
            if (!_seen.Add((type, key.From, key.To, start, end)))
            {
                Drop("duplicate");
                return;
            }

            // An attribution the answer cannot back with an actor is left out; the relationship itself still stands.
            var attributedTo = NonEmpty(AnswerJson.Text(entry, "attributedTo")) is { } source ? Resolve(source, listed).Actor : null;
            var confidence = AnswerJson.Number(entry, "confidence") is { } c && double.IsFinite(c) ? Math.Round(Math.Clamp(c, 0, 1), 2) : DefaultConfidence;
            var figures = Figures(entry);

            _proposals.Add(new Proposal(
                input.Document, type, Register(from), Register(to), quote, start, end,
                attributedTo is null ? null : Register(attributedTo), stance, confidence, "model", owner.ExtractorLabel,
                figures is { IsEmpty: false } ? figures : null));
        }

        /// <summary>
        /// The quote's offset in the whole text: its first occurrence in the chunk the model read, else its first
        /// anywhere, else -1. Exact ordinal search: a paraphrase, a changed quotation mark or a join of two sentences fails.
        /// </summary>
        private int Locate(string quote, TextChunk chunk)
        {
            var text = input.Text;
            var inChunk = text.IndexOf(quote, chunk.Start, chunk.Length, StringComparison.Ordinal);
            return inChunk >= 0 ? inChunk : text.IndexOf(quote, StringComparison.Ordinal);
        }

        private (ProposedActor? Actor, string? Reason) Resolve(string name, Dictionary<string, ProposedActor?> listed)
        {
            var folded = NameFolding.Fold(name);
            if (folded.Length == 0)
            {
                return (null, "unknown-actor");
            }

            if (listed.TryGetValue(folded, out var actor))
            {
                return actor is null ? (null, "unknown-kind") : (actor, null);
            }

            // The model may name a known actor without listing it.
            return owner.Known(name, null) is { } known ? (Proposed(known), null) : (null, "unknown-actor");
        }

        private ProposedActor Propose(string name, NodeKind kind, IReadOnlyList<string> aliases)
        {
            if ((owner.Known(name, kind) ?? aliases.Select(a => owner.Known(a, kind)).FirstOrDefault(a => a is not null && a.Kind == kind)) is { } known)
            {
                return Proposed(known);
            }

            // A name that slugs to a known actor's id is that actor, even when the graph knows it by another name.
            var id = ActorId.For(kind, name);
            if (owner._knownById.TryGetValue(id, out var sameId))
            {
                return Proposed(sameId);
            }

            return _actors.TryGetValue(id, out var seen) ? seen : new ProposedActor(id, kind, name, aliases, Known: false);
        }

        private ProposedActor Proposed(Actor known) =>
            _actors.TryGetValue(known.Id, out var seen) ? seen : new ProposedActor(known.Id, known.Kind, known.Name, known.Aliases, Known: true);

        /// <summary>Keeps the first form of each actor the document's proposals name, in order of first mention.</summary>
        private ProposedActor Register(ProposedActor actor)
        {
            if (_actors.TryGetValue(actor.Id, out var seen))
            {
                return seen;
            }

            _actors[actor.Id] = actor;
            _actorOrder.Add(actor.Id);
            return actor;
        }

        /// <summary>The figures the answer gives, each checked by <see cref="EdgeAttributes"/>; a bad one is left out and counted.</summary>
        private EdgeAttributes? Figures(JsonElement entry)
        {
            if (AnswerJson.Property(entry, "figures") is not { ValueKind: JsonValueKind.Object } figures)
            {
                return null;
            }

            var attributes = new EdgeAttributes();
            foreach (var figure in figures.EnumerateObject())
            {
                var field = EdgeAttributes.FieldNames.FirstOrDefault(f => string.Equals(f, figure.Name, StringComparison.OrdinalIgnoreCase));
                var value = AnswerJson.TextOf(figure.Value);
                if (figure.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (field is null || NonEmpty(value) is not { } text)
                {
                    Drop("invalid-figure");
                    continue;
                }

                try
                {
                    attributes = attributes.With(field, Normalize(field, text));
                }
                catch (GraphException)
                {
                    Drop("invalid-figure");
                }
            }

            try
            {
                attributes.Validate();
                return attributes;
            }
            catch (GraphException)
            {
                Drop("invalid-figure");
                return null;
            }
        }

        /// <summary>Counts written as 10000.0 or "10,000" are still whole numbers (EdgeAttributes wants plain digits).</summary>
        private static string Normalize(string field, string text) =>
            field is "count" or "countMin" or "countMax"
            && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d)
                ? decimal.Truncate(d).ToString(CultureInfo.InvariantCulture)
                : text;
    }
}
