using System.Text;
using Graph.Core;
using Graph.Core.Ontology;
using Graph.Extraction.Gazetteer;
using Graph.Extraction.Text;

namespace Graph.Extraction.Mentions;

/// <summary>
/// Finds the actors a sentence names: gazetteer and known names (longest match, folded, acronyms with their
/// capitals), then patterns for what no list holds (numbered resolutions, titled people, unnamed sources, capitalised
/// names with a kind cue), then short names and definite descriptions resolved to earlier mentions.
/// </summary>
public static class MentionFinder
{
    /// <summary>The mentions of one sentence, in order and not overlapping; each is also added to the context's history.</summary>
    public static List<Mention> Find(string text, IReadOnlyList<Token> tokens, DocumentContext context)
    {
        var folded = new string[tokens.Count];
        for (var t = 0; t < tokens.Count; t++)
        {
            folded[t] = tokens[t].Kind == TokenKind.Word ? FoldWord(tokens[t]) : tokens[t].Kind == TokenKind.Number ? tokens[t].Text : "";
        }

        // A headline in Title Case capitalises every word: only listed names are trusted there.
        var titleCase = IsTitleCase(tokens);
        var mentions = new List<Mention>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind != TokenKind.Word)
            {
                i++;
                continue;
            }

            var best = MatchListed(text, tokens, folded, i, context);
            if (!titleCase)
            {
                // Order breaks ties: a definite description of someone already named beats a new unnamed source.
                best = Longer(best, MatchCoreference(text, tokens, i, context, mentions));
                best = Longer(best, MatchResolution(text, tokens, i, context));
                best = Longer(best, MatchUnnamedSource(text, tokens, folded, i, context));
                best = Longer(best, MatchGroupSource(text, tokens, folded, i, context));
                if (tokens[i].IsCapitalized)
                {
                    best = Longer(best, MatchCueRun(text, tokens, folded, i, context));
                    best = Longer(best, MatchPerson(text, tokens, folded, i, context));
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            best.Commit?.Invoke();
            best = Decorate(best, tokens);
            if (best.Entity.Kind is NodeKind.Official or NodeKind.Person && best.Form != MentionForm.Coreference)
            {
                TitleAffiliation(best, tokens, mentions, context);
            }

            best.Entity.AddAlias(best.Span.Of(text));
            mentions.Add(best);
            context.History.Add(best);
            i = best.Last;
        }

        t_cachedTokens = null;
        return mentions;
    }

    private static Mention? Longer(Mention? best, Mention? candidate) =>
        candidate is not null && (best is null || candidate.Last > best.Last) ? candidate : best;

    // Most words are plain ASCII letters, whose folded form is their lower case: skip the Unicode path for them.
    private static string FoldWord(Token token)
    {
        foreach (var c in token.Text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return NameFolding.Fold(token.Text);
            }
        }

        return token.Lower;
    }

    /// <summary>True for a headline in Title Case (most words of four letters or more capitalised).</summary>
    public static bool IsTitleCase(IReadOnlyList<Token> tokens)
    {
        int words = 0, capitals = 0;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Word && t.Text.Length > 3)
            {
                words++;
                capitals += t.IsCapitalized ? 1 : 0;
            }
        }

        // Headlines carry no final stop; a sentence that ends with one is prose, however many names it holds.
        var last = tokens[^1].Text;
        return words >= 4 && capitals >= words * 0.75 && last is not ("." or "!" or "?" or "\"" or "”");
    }

    private static Mention Decorate(Mention m, IReadOnlyList<Token> tokens)
    {
        var possessive = m.Last < tokens.Count && tokens[m.Last].Kind == TokenKind.Possessive;
        var personnel = m.Personnel;
        var next = possessive ? m.Last + 1 : m.Last;
        if (personnel is null && m.Entity.Kind == NodeKind.State && next < tokens.Count)
        {
            // "North Korean troops", "North Korean migrant workers", "Russia's forces".
            for (var k = next; k < Math.Min(tokens.Count, next + 3); k++)
            {
                if (Cues.Personnel.TryGetValue(tokens[k].Lower, out var p))
                {
                    personnel = p;
                    break;
                }

                if (tokens[k].Kind != TokenKind.Word || tokens[k].IsCapitalized)
                {
                    break;
                }
            }
        }

        var government = next < tokens.Count && Cues.GovernmentNouns.Contains(tokens[next].Lower);
        var canBeArgument = m.Form != MentionForm.Demonym || personnel is not null || government || possessive;
        return m with { Possessive = possessive, Personnel = personnel, CanBeArgument = canBeArgument };
    }

    // The listed match at a token is asked for by several patterns; it is computed once per token of a sentence.
    [ThreadStatic]
    private static IReadOnlyList<Token>? t_cachedTokens;

    [ThreadStatic]
    private static Mention?[]? t_cached;

    [ThreadStatic]
    private static bool[]? t_computed;

    private static Mention? MatchListed(string text, IReadOnlyList<Token> tokens, string[] folded, int i, DocumentContext context)
    {
        if (!ReferenceEquals(t_cachedTokens, tokens) || t_cached is null || t_computed is null)
        {
            t_cachedTokens = tokens;
            t_cached = new Mention?[tokens.Count];
            t_computed = new bool[tokens.Count];
        }

        if (!t_computed[i])
        {
            t_cached[i] = ComputeListed(text, tokens, folded, i, context);
            t_computed[i] = true;
        }

        return t_cached[i];
    }

    private static Mention? ComputeListed(string text, IReadOnlyList<Token> tokens, string[] folded, int i, DocumentContext context)
    {
        if (tokens[i].Kind != TokenKind.Word || !(tokens[i].IsCapitalized || char.IsDigit(tokens[i].Text[0])))
        {
            return null;
        }

        // Names are tried only from words some name starts with, up to that name's length (hyphens are tokens too).
        var longest = context.Index.MaxWordsStartingWith(folded[i]);
        if (longest == 0)
        {
            return null;
        }

        var max = Math.Min(tokens.Count - i, longest + 2);
        var key = new StringBuilder();
        for (var length = max; length >= 1; length--)
        {
            key.Clear();
            var ok = true;
            for (var k = i; k < i + length; k++)
            {
                if (tokens[k].Kind is TokenKind.Possessive || (tokens[k].Kind == TokenKind.Punctuation && tokens[k].Text is not ("-" or "/")))
                {
                    ok = false;
                    break;
                }

                if (folded[k].Length == 0)
                {
                    continue;
                }

                if (key.Length > 0)
                {
                    key.Append(' ');
                }

                key.Append(folded[k]);
            }

            // A name never ends on a connector ("Institute for the").
            if (!ok || key.Length == 0 || Cues.NameConnectors.Contains(tokens[i + length - 1].Lower))
            {
                continue;
            }

            var span = new TextSpan(tokens[i].Start, tokens[i + length - 1].End);
            var k2 = key.ToString();
            var known = context.Index.KnownByFolded(k2);
            var listed = context.Index.Gazetteer.Lookup(k2);
            if (known is null && listed.Count == 0 && !k2.EndsWith('s'))
            {
                continue;
            }

            var surface = span.Of(text);
            if (known is not null && (!ReferenceGazetteer.IsAcronym(known.Name) || Strip(surface) == Strip(known.Name) || known.Aliases.Any(a => Strip(a) == Strip(surface))))
            {
                return new Mention(i, i + length, span, context.ForKnown(known), MentionForm.Name, 0.95);
            }

            foreach (var (entry, form, listedSurface) in listed)
            {
                if (form == NameForm.Acronym && Strip(surface) != Strip(listedSurface))
                {
                    continue;
                }

                var mentionForm = form switch
                {
                    NameForm.Acronym => MentionForm.Acronym,
                    NameForm.Demonym => MentionForm.Demonym,
                    NameForm.Capital => MentionForm.Capital,
                    _ => MentionForm.Name,
                };
                return new Mention(i, i + length, span, context.ForReference(entry), mentionForm, form == NameForm.Capital ? 0.85 : 0.95);
            }

            // "North Koreans", "Afghans": a plural demonym names the people, who stand for their state.
            if (k2.EndsWith('s') && tokens[i + length - 1].IsCapitalized)
            {
                foreach (var (entry, form, _) in context.Index.Gazetteer.Lookup(k2[..^1]))
                {
                    if (form == NameForm.Demonym)
                    {
                        return new Mention(i, i + length, span, context.ForReference(entry), MentionForm.Name, 0.85);
                    }
                }
            }
        }

        return null;
    }

    private static string Strip(string s) => s.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    // "Resolution 2397", "UN Security Council resolution 1718", "U.N. Security Council resolutions", "a resolution".
    private static Mention? MatchResolution(string text, IReadOnlyList<Token> tokens, int i, DocumentContext context)
    {
        var t = tokens[i];
        if (t.Lower is not ("resolution" or "resolutions"))
        {
            return null;
        }

        var start = i;
        // Take in a preceding body name: "U.N. Security Council resolution", "UNSC resolution", "U.N. Resolution".
        var body = "";
        if (context.History.Count > 0 && context.History[^1] is { } prev && prev.Last == i && prev.Entity.Kind == NodeKind.Organization)
        {
            body = prev.Entity.Name;
        }

        var k = i + 1;
        if (k < tokens.Count && tokens[k].Lower is "no." or "no")
        {
            k++;
        }

        if (k < tokens.Count && tokens[k].Kind == TokenKind.Number && tokens[k].Text.Length is >= 2 and <= 5 && tokens[k].Text.All(char.IsDigit))
        {
            var number = tokens[k].Text;
            var entity = context.ForNew(NodeKind.Resolution, $"UN Security Council Resolution {number}");
            entity.AddAlias($"Resolution {number}");
            return new Mention(start, k + 1, new TextSpan(tokens[start].Start, tokens[k].End), entity, MentionForm.Pattern, 0.9);
        }

        if (t.Lower == "resolutions" && body.Length > 0)
        {
            var entity = context.ForNew(NodeKind.Resolution, body + " resolutions");
            return new Mention(start, i + 1, new TextSpan(t.Start, t.End), entity, MentionForm.Pattern, 0.8);
        }

        if (t.Lower == "resolution" && i > 0 && tokens[i - 1].Lower is "a" or "the" or "draft")
        {
            // An unnamed resolution: "the resolution" is the latest one named; "a (draft) resolution" is a new one.
            var d = tokens[i - 1].Lower == "draft" && i > 1 ? i - 2 : i - 1;
            if (tokens[d].Lower == "the" && LastOfKind(context, NodeKind.Resolution, e => !e.Name.EndsWith("resolutions", StringComparison.Ordinal)) is { } earlier)
            {
                return new Mention(d, i + 1, new TextSpan(tokens[d].Start, t.End), earlier, MentionForm.Coreference, 0.7);
            }

            var name = "draft resolution";
            if (i + 3 < tokens.Count && tokens[i + 1].Lower is "at" or "of" or "before" && tokens[i + 2].Lower == "the")
            {
                name = "draft resolution at the " + tokens[i + 3].Text;
            }

            var entity = new Entity(NodeKind.Resolution, name);
            entity = context.ForNew(NodeKind.Resolution, name + " " + tokens[d].Start);
            entity.Name = "draft resolution";
            return new Mention(d, i + 1, new TextSpan(tokens[d].Start, t.End), entity, MentionForm.Pattern, 0.7);
        }

        return null;
    }

    private static Entity? LastOfKind(DocumentContext context, NodeKind kind, Func<Entity, bool>? filter = null)
    {
        for (var k = context.History.Count - 1; k >= 0; k--)
        {
            var e = context.History[k].Entity;
            if (e.Kind == kind && (filter is null || filter(e)))
            {
                return e;
            }
        }

        return null;
    }

    // A capitalised run that a cue word types: "North Korean Ministry of National Defense", "Kursk region",
    // "Comprehensive Strategic Partnership treaty", "French Foreign Legion".
    private static Mention? MatchCueRun(string text, IReadOnlyList<Token> tokens, string[] folded, int i, DocumentContext context)
    {
        if (tokens[i].Kind != TokenKind.Word || !tokens[i].IsCapitalized)
        {
            return null;
        }

        var startsWithState = MatchListed(text, tokens, folded, i, context) is { Entity.Kind: NodeKind.State };
        if (Cues.NotNames.Contains(tokens[i].Lower) && !startsWithState)
        {
            return null;
        }

        var end = i;
        NodeKind? kind = null;
        while (end < tokens.Count && tokens[end].Kind == TokenKind.Word)
        {
            var w = tokens[end];
            if ((w.IsCapitalized || ReferenceGazetteer.IsAcronym(w.Text)) && !(end > i && Cues.NotNames.Contains(w.Lower) && !Cues.NameConnectors.Contains(w.Lower) && !startsWithState))
            {
                kind = Cues.KindOf(w.Lower) ?? kind;
                end++;
                continue;
            }

            if (Cues.NameConnectors.Contains(w.Lower) && end + 1 < tokens.Count && tokens[end + 1].IsCapitalized && !Cues.NotNames.Contains(tokens[end + 1].Lower) && kind is null or NodeKind.Agency or NodeKind.Organization)
            {
                end++;
                continue;
            }

            // A lower-case head after the run: "Kursk region", "Partnership treaty", "Ukraine war".
            if (Cues.KindOf(w.Lower) is NodeKind.Location or NodeKind.Treaty or NodeKind.Conflict && end > i)
            {
                kind = Cues.KindOf(w.Lower);
                end++;
            }

            break;
        }

        if (kind is null || end - i < 2)
        {
            return null;
        }

        // Leading state names and demonyms qualify the run ("South Korean Unification Ministry") and record whose it is.
        var qualifiers = new List<(Entity, TextSpan)>();
        var q = i;
        while (q < end - 1)
        {
            var m = MatchListed(text, tokens, folded, q, context);
            if (m is null || m.Entity.Kind != NodeKind.State || m.Last >= end)
            {
                break;
            }

            qualifiers.Add((m.Entity, m.Span));
            q = m.Last;
        }

        if (q >= end - 1 && kind is not (NodeKind.Location or NodeKind.Treaty or NodeKind.Conflict))
        {
            return null;
        }

        // "DPRK's Korean State News Agency": a possessive state just before the run.
        if (i >= 2 && tokens[i - 1].Kind == TokenKind.Possessive && context.History.Count > 0 && context.History[^1] is { Entity.Kind: NodeKind.State } owner && owner.Last == i - 1)
        {
            qualifiers.Add((owner.Entity, new TextSpan(owner.Span.Start, tokens[end - 1].End)));
        }

        var span = new TextSpan(tokens[i].Start, tokens[end - 1].End);
        var name = span.Of(text).Replace('\n', ' ');
        // A news agency of a state is the state's agency; other outlets are organizations.
        if (kind == NodeKind.Agency && qualifiers.Count == 0 && name.EndsWith("News Agency", StringComparison.Ordinal))
        {
            kind = NodeKind.Organization;
        }

        // "the Ukraine war", "the Sudan conflict": one war, however the text words it, named for where it is fought.
        var theatre = kind == NodeKind.Conflict && qualifiers.Count == 1 && q == end - 1 && tokens[end - 1].Lower is "war" or "conflict" ? qualifiers[0].Item1 : null;
        if (theatre is not null)
        {
            name = "War in " + theatre.Name;
            qualifiers.Clear();
        }

        var entity = context.ForNew(kind.Value, name);
        void Commit()
        {
            entity.Theatre ??= theatre;
            // Listed outlets keep their own affiliations ("Seoul's Yonhap" is no agency of the state).
            if (entity.Reference is not null || entity.Known)
            {
                return;
            }

            foreach (var qualifier in qualifiers)
            {
                if (!entity.Affiliations.Exists(a => a.Parent == qualifier.Item1))
                {
                    entity.Affiliations.Add(qualifier);
                }
            }
        }

        return new Mention(i, end, span, entity, MentionForm.Pattern, 0.8) { Commit = Commit };
    }

    private static bool IsListedWord(Token token, string folded, DocumentContext context) =>
        context.Index.Gazetteer.Lookup(folded).Any(h => h.Form != NameForm.Acronym || Strip(token.Text) == Strip(h.Surface));

    // Two to four capitalised words that are no listed name: a person. "Andrei Orlov", "Wi Sung-lac".
    private static Mention? MatchPerson(string text, IReadOnlyList<Token> tokens, string[] folded, int i, DocumentContext context)
    {
        var t = tokens[i];
        if (t.Kind != TokenKind.Word || !t.IsCapitalized || Cues.NotNames.Contains(t.Lower) || Cues.LeaderTitles.Contains(t.Lower) || Cues.OfficialTitles.Contains(t.Lower)
            || ReferenceGazetteer.IsAcronym(t.Text))
        {
            return null;
        }

        var end = i;
        while (end < tokens.Count && end - i < 5 && tokens[end].Kind == TokenKind.Word && tokens[end].IsCapitalized && !ReferenceGazetteer.IsAcronym(tokens[end].Text)
            && Cues.KindOf(tokens[end].Lower) is null && !Cues.NotNames.Contains(tokens[end].Lower) && !IsTitle(tokens[end].Lower) && !IsListedWord(tokens[end], folded[end], context))
        {
            end++;
            // "Smith-Jones": a hyphen between two capitalised parts stays inside the name.
            if (end + 1 < tokens.Count && tokens[end].Text is "-" or "–" && tokens[end].Start == tokens[end - 1].End && tokens[end + 1].Start == tokens[end].End && tokens[end + 1].IsCapitalized)
            {
                end += 1;
            }
        }

        if (end - i < 2)
        {
            // One word: a person named in full earlier ("Putin", "Macron").
            if (context.ByShortName(t.Text) is { } person && context.Index.Gazetteer.Lookup(folded[i]).Count == 0)
            {
                return new Mention(i, i + 1, new TextSpan(t.Start, t.End), person, MentionForm.Coreference, 0.85);
            }

            return null;
        }

        // A run followed by a capitalised word we refused is likely a longer name we do not understand.
        if (end < tokens.Count && tokens[end].Kind == TokenKind.Word && tokens[end].IsCapitalized && Cues.KindOf(tokens[end].Lower) is not null)
        {
            return null;
        }

        if (Enumerable.Range(i, end - i).Any(k => Cues.NotPersonWords.Contains(tokens[k].Lower)))
        {
            return null;
        }

        var span = new TextSpan(t.Start, tokens[end - 1].End);
        var name = span.Of(text).Replace('\n', ' ');
        var titled = HasTitleBefore(tokens, i) || HasOfficialRoleAfter(tokens, end);
        var entity = context.ForNew(titled ? NodeKind.Official : NodeKind.Person, name);
        if (titled && entity.Kind == NodeKind.Person && !entity.Known)
        {
            entity.Kind = NodeKind.Official;
        }

        var words = Enumerable.Range(i, end - i).Where(k => tokens[k].Kind == TokenKind.Word).Select(k => tokens[k].Text).ToList();
        return new Mention(i, end, span, entity, MentionForm.Pattern, titled ? 0.85 : 0.75) { Commit = () => context.RememberShortNames(entity, words) };
    }

    /// <summary>
    /// Where a title stands before a person's name, the state named before the title is the person's state
    /// ("Russian President Vladimir Putin", "South Korea's Foreign Minister X"); known leaders have theirs from the list.
    /// </summary>
    private static void TitleAffiliation(Mention person, IReadOnlyList<Token> tokens, List<Mention> sentence, DocumentContext context)
    {
        var k = TitleStart(tokens, person.First, sentence);
        if (k == person.First)
        {
            return;
        }

        if (person.Entity.Kind == NodeKind.Person && !person.Entity.Known)
        {
            person.Entity.Kind = NodeKind.Official;
        }

        var j = k - 1;
        if (j >= 0 && tokens[j].Kind == TokenKind.Possessive)
        {
            j--;
        }

        var state = sentence.FindLast(m => m.Last == j + 1 && m.Entity.Kind == NodeKind.State)?.Entity;
        if (state is null && person.Entity.Reference?.Leads is { } led && context.Index.Gazetteer.Find(led) is { } entry)
        {
            state = context.ForReference(entry);
        }

        if (state is not null && !person.Entity.Affiliations.Exists(a => a.Parent == state))
        {
            person.Entity.Affiliations.Add((state, person.Span));
        }
    }

    /// <summary>
    /// The first token of the title words before a name ("Foreign Minister", "Ambassador to the UN"), or the name's
    /// own first token when there is no title.
    /// </summary>
    public static int TitleStart(IReadOnlyList<Token> tokens, int first, IReadOnlyList<Mention> sentence)
    {
        var k = first;
        // "Ambassador to the UN Jane Smith-Jones": step over "to the <body>" first.
        if (k > 0 && sentence.LastOrDefault(m => m.Last == k && m.Entity.Kind == NodeKind.Organization) is { } body)
        {
            var j = body.First;
            if (j > 0 && tokens[j - 1].Lower == "the")
            {
                j--;
            }

            if (j > 1 && tokens[j - 1].Lower is "to" or "at" && IsTitle(tokens[j - 2].Lower))
            {
                k = j - 1;
            }
        }

        while (k > 0 && IsTitle(tokens[k - 1].Lower))
        {
            k--;
        }

        return k;
    }

    private static bool IsTitle(string word) => Cues.LeaderTitles.Contains(word) || Cues.OfficialTitles.Contains(word);

    /// <summary>True when a title word stands just before the name ("Foreign Minister Sergei Lavrov").</summary>
    public static bool HasTitleBefore(IReadOnlyList<Token> tokens, int i) =>
        i > 0 && (Cues.LeaderTitles.Contains(tokens[i - 1].Lower) || Cues.OfficialTitles.Contains(tokens[i - 1].Lower));

    private static bool HasOfficialRoleAfter(IReadOnlyList<Token> tokens, int end)
    {
        if (end >= tokens.Count || tokens[end].Text != ",")
        {
            return false;
        }

        for (var k = end + 1; k < Math.Min(tokens.Count, end + 7); k++)
        {
            if (Cues.OfficialRoles.Contains(tokens[k].Lower))
            {
                return true;
            }

            if (tokens[k].Text is "," or "." || tokens[k].Lower is "of" or "to")
            {
                return false;
            }
        }

        return false;
    }

    // "a senior Western official", "unnamed Ukrainian and U.S. officials", "the Russian deputy prime minister",
    // "the commander of a French Foreign Legion unit".
    private static Mention? MatchUnnamedSource(string text, IReadOnlyList<Token> tokens, string[] folded, int i, DocumentContext context)
    {
        var k = i;
        if (tokens[k].Lower is "a" or "an" or "the")
        {
            k++;
        }

        var states = new List<(Entity, TextSpan)>();
        var specific = false;
        while (k < tokens.Count)
        {
            var listed = tokens[k].IsCapitalized || ReferenceGazetteer.IsAcronym(tokens[k].Text) ? MatchListed(text, tokens, folded, k, context) : null;
            if (listed is not null && listed.Entity.Kind == NodeKind.State && listed.Form is MentionForm.Demonym or MentionForm.Acronym or MentionForm.Name)
            {
                states.Add((listed.Entity, listed.Span));
                specific = true;
                k = listed.Last;
                continue;
            }

            // "South Korean intelligence": a word that is both qualifier and head is the head when nothing follows it.
            var headHere = Cues.SourceHeads.Contains(tokens[k].Lower) && !(k + 1 < tokens.Count && (Cues.SourceHeads.Contains(tokens[k + 1].Lower) || Cues.SourceQualifiers.Contains(tokens[k + 1].Lower)));
            if (!headHere && Cues.SourceQualifiers.Contains(tokens[k].Lower) && !(tokens[k].Lower == "and" && states.Count == 0))
            {
                specific |= tokens[k].Lower is not ("and" or "some" or "other" or "several" or "two");
                k++;
                continue;
            }

            break;
        }

        if (k >= tokens.Count || !Cues.SourceHeads.Contains(tokens[k].Lower) || k == i)
        {
            return null;
        }

        var ofUnit = k + 3 < tokens.Count && tokens[k + 1].Lower == "of" && tokens[k + 2].Lower is "a" or "an" or "the";
        if (!specific && !ofUnit)
        {
            return null;
        }

        // "French Ambassador Anne Dupont": a title before a name, not an unnamed source.
        if (k + 1 < tokens.Count && tokens[k + 1].IsCapitalized && tokens[k + 1].Kind == TokenKind.Word && !Cues.NotNames.Contains(tokens[k + 1].Lower))
        {
            return null;
        }

        if (k + 3 < tokens.Count && tokens[k + 1].Lower is "to" && tokens[k + 2].Lower == "the")
        {
            return null;
        }

        var head = tokens[k].Lower;
        var end = k + 1;
        Entity? unit = null;
        Action? unitCommit = null;
        TextSpan unitSpan = default;
        // "the commander of a French Foreign Legion unit": the unit is the agency the person belongs to.
        if (end + 2 < tokens.Count && tokens[end].Lower == "of" && tokens[end + 1].Lower is "a" or "an" or "the")
        {
            var run = MatchCueRun(text, tokens, folded, end + 2, context);
            if (run is not null && run.Entity.Kind is NodeKind.Agency or NodeKind.Organization)
            {
                unit = run.Entity;
                unitCommit = run.Commit;
                unitSpan = run.Span;
                end = run.Last;
                if (end < tokens.Count && tokens[end].Lower is "unit" or "units" or "brigade" or "battalion" or "division")
                {
                    unitSpan = new TextSpan(tokens[end - 1 - (run.Last - run.First - 1)].Start, tokens[end].End);
                    end++;
                }
            }
            else if (states.Count == 0)
            {
                return null;
            }
        }
        else if (states.Count == 0 && tokens[i].Lower is not ("the" or "a" or "an"))
        {
            return null;
        }

        var plural = head.EndsWith('s') && head != "analysis";
        var nameStart = tokens[i].Lower is "a" or "an" or "the" ? i + 1 : i;
        var span = new TextSpan(tokens[i].Start, tokens[end - 1].End);
        var name = new TextSpan(tokens[nameStart].Start, tokens[end - 1].End).Of(text).Replace('\n', ' ');
        var kind = head == "intelligence" ? NodeKind.Agency : plural ? NodeKind.Organization : NodeKind.Official;
        var entity = context.ForNew(kind, name);
        void Commit()
        {
            unitCommit?.Invoke();
            entity.Unnamed = entity.Reference is null && !entity.Known;
            if (!entity.Unnamed)
            {
                return;
            }

            if (unit is not null && !entity.Affiliations.Exists(a => a.Parent == unit))
            {
                entity.Affiliations.Add((unit, span));
                foreach (var s in unit.Affiliations.ToList())
                {
                    entity.Affiliations.Add((s.Parent, span));
                }
            }

            foreach (var s in states)
            {
                if (!entity.Affiliations.Exists(a => a.Parent == s.Item1))
                {
                    entity.Affiliations.Add((s.Item1, span));
                }
            }
        }

        return new Mention(i, end, span, entity, MentionForm.Pattern, 0.75) { Commit = Commit, Personnel = null };
    }

    // "Observers have noted ...", "Industry leaders anticipate ...": a group that opens a sentence and speaks is its source.
    private static Mention? MatchGroupSource(string text, IReadOnlyList<Token> tokens, string[] folded, int i, DocumentContext context)
    {
        if (i != 0 || tokens[0].Kind != TokenKind.Word)
        {
            return null;
        }

        var head = Cues.GroupSources.Contains(tokens[0].Lower) ? 0
            : tokens.Count > 1 && Cues.GroupSources.Contains(tokens[1].Lower) && tokens[0].Kind == TokenKind.Word && !Cues.NotNames.Contains(tokens[0].Lower)
                && MatchListed(text, tokens, folded, 0, context) is null ? 1
            : -1;
        if (head < 0)
        {
            return null;
        }

        var verb = head + 1;
        while (verb < tokens.Count && tokens[verb].Lower is "have" or "has" or "also" or "now" or "widely" or "long")
        {
            verb++;
        }

        if (verb >= tokens.Count || !Relations.Lexicon.Speech.Contains(tokens[verb].Lower))
        {
            return null;
        }

        var span = new TextSpan(tokens[0].Start, tokens[head].End);
        var surface = span.Of(text);
        var entity = context.ForNew(NodeKind.Organization, char.ToUpperInvariant(surface[0]) + surface[1..]);
        return new Mention(0, head + 1, span, entity, MentionForm.Pattern, 0.7) { Commit = () => entity.Unnamed = entity.Reference is null && !entity.Known };
    }

    // "the agency", "the country", "the panel", "the Ukrainian commander", "he", "she".
    private static Mention? MatchCoreference(string text, IReadOnlyList<Token> tokens, int i, DocumentContext context, List<Mention> sentence)
    {
        var t = tokens[i];
        if (t.Lower is "he" or "she")
        {
            var person = LastOfKind(context, NodeKind.Official) is { } o && LastOfKindIndex(context, NodeKind.Official) >= LastOfKindIndex(context, NodeKind.Person) ? o : LastOfKind(context, NodeKind.Person);
            return person is null ? null : new Mention(i, i + 1, new TextSpan(t.Start, t.End), person, MentionForm.Coreference, 0.7);
        }

        if (t.Lower is "these" or "those" or "the" && i + 1 < tokens.Count && Cues.Personnel.TryGetValue(tokens[i + 1].Lower, out var personnel) && tokens[i + 1].Lower.EndsWith('s'))
        {
            // "these troops": the state whose troops were named last.
            var sent = context.Senders.GetValueOrDefault(personnel) ?? context.History.LastOrDefault(m => m.Personnel == personnel && m.Entity.Kind == NodeKind.State)?.Entity;
            return sent is null || t.Lower == "the" ? null : new Mention(i, i + 2, new TextSpan(t.Start, tokens[i + 1].End), sent, MentionForm.Coreference, 0.7) { Personnel = personnel };
        }

        if (t.Lower is "a" or "an")
        {
            // "a mutual defence treaty": an agreement the text does not name.
            var j = i + 1;
            while (j < tokens.Count && j < i + 4 && tokens[j].Kind == TokenKind.Word && !tokens[j].IsCapitalized && Cues.KindOf(tokens[j].Lower) != NodeKind.Treaty)
            {
                j++;
            }

            if (j < tokens.Count && j > i + 1 && Cues.TreatyCues.Contains(tokens[j].Lower) && tokens[j].Lower is not "deal")
            {
                var treatySpan = new TextSpan(t.Start, tokens[j].End);
                var treatyName = new TextSpan(tokens[i + 1].Start, tokens[j].End).Of(text).Replace('\n', ' ');
                return new Mention(i, j + 1, treatySpan, context.ForNew(NodeKind.Treaty, treatyName), MentionForm.Pattern, 0.65);
            }

            return null;
        }

        if (t.Lower is not ("the" or "this" or "his" or "her"))
        {
            return null;
        }

        var k = i + 1;
        Entity? qualifier = null;
        if (k < tokens.Count && tokens[k].IsCapitalized && context.Index.Gazetteer.Lookup(NameFolding.Fold(tokens[k].Text)) is [var q, ..] && q.Form == NameForm.Demonym)
        {
            qualifier = context.ForReference(q.Entry);
            k++;
        }

        if (k >= tokens.Count)
        {
            return null;
        }

        var head = tokens[k].Lower;
        var span = new TextSpan(t.Start, tokens[k].End);
        Entity? found = null;
        switch (head)
        {
            case "country" or "nation" when t.Lower is "his" or "her":
                var leader = LastOfKind(context, NodeKind.Official);
                found = leader?.Affiliations.Select(a => a.Parent).FirstOrDefault(p => p.Kind == NodeKind.State);
                break;
            case "country" or "nation" when t.Lower == "the":
                found = PreviousState(context, sentence, i);
                break;
            case "agency" or "service" or "ministry":
                found = LastOfKind(context, NodeKind.Agency);
                break;
            case "panel" or "group" or "committee" or "council" or "organization" or "organisation" or "body" or "institute" or "alliance":
                found = LastOfKind(context, NodeKind.Organization, e => e.Name.Contains(head, StringComparison.OrdinalIgnoreCase))
                    ?? (head is "group" or "body" ? LastOfKind(context, NodeKind.Organization, e => !e.Unnamed) : null);
                break;
            case "commander" or "official" or "minister" or "president" or "spokesperson" or "spokesman" or "ambassador" or "envoy" or "leader":
                found = LastOfKind(context, NodeKind.Official, e => e.Name.Contains(head, StringComparison.OrdinalIgnoreCase) && (qualifier is null || e.Affiliations.Exists(a => a.Parent == qualifier)));
                break;
            case "treaty" or "agreement" or "pact" or "accord":
                found = LastOfKind(context, NodeKind.Treaty);
                break;
            default:
                break;
        }

        return found is null ? null : new Mention(i, k + 1, span, found, MentionForm.Coreference, 0.7);
    }

    private static int LastOfKindIndex(DocumentContext context, NodeKind kind)
    {
        for (var k = context.History.Count - 1; k >= 0; k--)
        {
            if (context.History[k].Entity.Kind == kind)
            {
                return k;
            }
        }

        return -1;
    }

    // "the country" is rarely the subject of its own clause: skip a state named just before in this sentence.
    private static Entity? PreviousState(DocumentContext context, List<Mention> sentence, int at)
    {
        Entity? skip = null;
        if (sentence.Count > 0)
        {
            var last = sentence.FindLast(m => m.Entity.Kind == NodeKind.State && m.CanBeArgument);
            skip = last is not null && at - last.Last <= 8 ? last.Entity : null;
        }

        for (var k = context.History.Count - 1; k >= 0; k--)
        {
            var m = context.History[k];
            if (m.Entity.Kind == NodeKind.State && m.CanBeArgument && m.Entity != skip)
            {
                return m.Entity;
            }
        }

        return skip;
    }
}
