using Graph.Core.Model;
using Graph.Core.Ontology;
using Graph.Extraction.Figures;
using Graph.Extraction.Mentions;
using Graph.Extraction.Text;
using static Graph.Core.Ontology.RelationshipType;

namespace Graph.Extraction.Relations;

/// <summary>
/// Reads the relationships one sentence states from its tokens and mentions: trigger words with argument frames
/// (active, passive, nominalised), roles given by titles and possessives, and speech frames that name who said it.
/// </summary>
public sealed class SentenceReader
{
    private readonly string _text;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly List<Mention> _mentions;
    private readonly Mention?[] _at;
    private readonly DocumentContext _context;
    private readonly PartialDate? _published;
    private readonly TextSpan _sentence;
    private readonly List<Candidate> _candidates = [];

    /// <summary>Prepares to read one sentence.</summary>
    public SentenceReader(string text, TextSpan sentence, IReadOnlyList<Token> tokens, List<Mention> mentions, DocumentContext context, PartialDate? published)
    {
        _text = text;
        _sentence = sentence;
        _tokens = tokens;
        _mentions = mentions;
        _context = context;
        _published = published;
        _at = new Mention?[tokens.Count];
        foreach (var m in mentions)
        {
            for (var k = m.First; k < m.Last; k++)
            {
                _at[k] = m;
            }
        }
    }

    /// <summary>The candidates of the sentence.</summary>
    public IReadOnlyList<Candidate> Candidates => _candidates;

    /// <summary>Who the sentence credits (the speaker of "X said", the source of "according to X"), if anyone, and where the credited clause starts and ends.</summary>
    public Speech? Speech { get; private set; }

    /// <summary>An outer credit ("..., according to Y" around "X reported ...").</summary>
    public Entity? OuterSource { get; private set; }

    /// <summary>Reads the sentence.</summary>
    public void Read(IDictionary<Entity, Entity> lastDeployment)
    {
        FindSpeech();
        Roles();
        for (var i = 0; i < _tokens.Count; i++)
        {
            var w = _tokens[i].Lower;
            if (!Lexicon.AnyTrigger.Contains(w))
            {
                continue;
            }

            if (_at[i] is not null && Lexicon.War.Contains(w) is false && Lexicon.Ally.Contains(w) is false)
            {
                continue;
            }

            if (Lexicon.Veto.Contains(w))
            {
                Frame(Vetoed, i, "vetoed", 0.85);
            }

            if (w == "voted" && i + 1 < _tokens.Count && _tokens[i + 1].Lower is "for" or "in")
            {
                var skip = _tokens[i + 1].Lower == "for" ? 1 : 3;
                Frame(VotedFor, i + skip - 1 + 1 - 1, "voted-for", 0.85, patientFrom: i + skip + 1);
            }

            if (Lexicon.Adopt.Contains(w))
            {
                Frame(Adopted, i, "adopted", 0.8);
            }

            if (Lexicon.Violate.Contains(w))
            {
                Frame(Violates, i, "violates", 0.75);
            }

            if (Lexicon.Ratify.Contains(w))
            {
                Parties(Ratified, i, "ratified", also: PartyTo);
            }

            if (Lexicon.Sign.Contains(w))
            {
                Parties(Signed, i, "signed", also: PartyTo);
            }

            if (Lexicon.Ally.Contains(w))
            {
                Alliance(i);
            }

            if (Lexicon.War.Contains(w) || Lexicon.Attack.Contains(w))
            {
                War(i);
            }

            if (Lexicon.Veto.Contains(w) is false && Lexicon.Employ.Contains(w))
            {
                Employ(i);
            }

            if (Lexicon.Gift.Contains(w))
            {
                Gift(i);
            }

            if (Lexicon.Meet.Contains(w) || w is "interview" or "told")
            {
                Meet(i);
            }

            if (Lexicon.Visit.Contains(w))
            {
                Frame(Visited, i, "visited", 0.75);
            }

            if (Lexicon.Sanction.Contains(w))
            {
                Sanction(i);
            }

            if (Lexicon.Import.Contains(w))
            {
                Import(i);
            }

            if (Lexicon.Supply.Contains(w) && ArmsNear(i))
            {
                Supply(i);
            }
            else if (Lexicon.Deploy.Contains(w) || Lexicon.Arrive.Contains(w))
            {
                Deploy(i, lastDeployment);
            }

            if (Lexicon.Withdraw.Contains(w))
            {
                Withdraw(i, lastDeployment);
            }

            if (Lexicon.Support.Contains(w))
            {
                SupportFrame(i);
            }
        }

        TargetEdges();
        WorkersIn();
        ReportedEdges();

        // A listed agency named in passing ("Ukrainian forces who...") is part of its state, but that is worth
        // proposing only when the sentence says something about the agency.
        _candidates.RemoveAll(c => c.Rule == "member-of.agency-name" && !_candidates.Exists(o => !o.Structural && (o.From == c.From || o.To == c.From)));
    }

    // ---------- argument search ----------

    private Entity Arg(Mention m)
    {
        // "Kim Jong Un's regime" stands for the state he leads.
        if (m.Entity.Kind is NodeKind.Official or NodeKind.Person && m.Possessive && m.Last + 1 < _tokens.Count && Cues.GovernmentNouns.Contains(_tokens[m.Last + 1].Lower))
        {
            return m.Entity.Affiliations.Select(a => a.Parent).FirstOrDefault(p => p.Kind == NodeKind.State) ?? m.Entity;
        }

        return m.Entity;
    }

    private bool IsQualifier(Mention m) =>
        m.Possessive && m.Last + 1 < _tokens.Count && _at[m.Last + 1] is { } next && next != m;

    private static bool IsBoundary(Token t) => t.Text is ";" or ":" or "—" or "(" or ")" || t.Lower is "but" or "while" or "whereas" or "although";

    private Mention? Before(int t, Func<Entity, bool> ok, int window = 12, bool allowQualifier = false)
    {
        for (var k = t - 1; k >= 0 && k >= t - window; k--)
        {
            if (IsBoundary(_tokens[k]))
            {
                return null;
            }

            if (_at[k] is { } m && m.Last <= t)
            {
                k = m.First;
                if (m.CanBeArgument && (allowQualifier || !IsQualifier(m)) && ok(Arg(m)))
                {
                    return m;
                }
            }
        }

        return null;
    }

    private Mention? After(int t, Func<Entity, bool> ok, int window = 10)
    {
        for (var k = t; k < _tokens.Count && k < t + window; k++)
        {
            if (IsBoundary(_tokens[k]))
            {
                return null;
            }

            if (_at[k] is { } m && m.First >= t)
            {
                k = m.Last - 1;
                if (m.CanBeArgument && !IsQualifier(m) && ok(Arg(m)))
                {
                    return m;
                }
            }
        }

        return null;
    }

    /// <summary>The state a listed agency belongs to (its armed forces, ministries), for agencies acting for their state.</summary>
    private Entity? StateOf(Entity e) =>
        e.Kind == NodeKind.Agency && e.Reference?.PartOf is { Kind: NodeKind.State } id && _context.Index.Gazetteer.Find(id) is { } state ? _context.ForReference(state) : null;

    private static Func<Entity, bool> From(RelationshipType type) => e => GraphOntology.RuleFor(type).From.Contains(e.Kind);

    private static Func<Entity, bool> To(RelationshipType type) => e => GraphOntology.RuleFor(type).To.Contains(e.Kind);

    private bool IsPassive(int t)
    {
        // "is hiring" is progressive, not passive.
        if (_tokens[t].Lower.EndsWith("ing", StringComparison.Ordinal))
        {
            return false;
        }

        for (var k = t - 1; k >= 0 && k >= t - 3; k--)
        {
            var w = _tokens[k].Lower;
            if (Lexicon.Be.Contains(w))
            {
                return true;
            }

            if (w is not ("reportedly" or "allegedly" or "also" or "now" or "already" or "been" or "being" or "not" or "later" or "previously" or "recently"))
            {
                return false;
            }
        }

        return false;
    }

    private int IndexAfter(int t, params string[] words)
    {
        for (var k = t + 1; k < _tokens.Count && k < t + 8; k++)
        {
            if (Array.IndexOf(words, _tokens[k].Lower) >= 0)
            {
                return k;
            }

            if (IsBoundary(_tokens[k]) || _tokens[k].Text == ".")
            {
                return -1;
            }
        }

        return -1;
    }

    private TextSpan Clause(int trigger)
    {
        // The sentence, cut at a semicolon around the trigger; a whole sentence is a fair quote for news prose.
        int first = 0, last = _tokens.Count - 1;
        for (var k = trigger - 1; k >= 0; k--)
        {
            if (_tokens[k].Text == ";")
            {
                first = k + 1;
                break;
            }
        }

        for (var k = trigger + 1; k < _tokens.Count; k++)
        {
            if (_tokens[k].Text == ";")
            {
                last = k - 1;
                break;
            }
        }

        return new TextSpan(_tokens[first].Start, _tokens[last].End);
    }

    private void Add(RelationshipType type, Entity from, Entity to, int trigger, string rule, double confidence, EdgeAttributes? attributes = null, TextSpan? quote = null, bool structural = false)
    {
        if (from == to)
        {
            return;
        }

        _candidates.Add(new Candidate(type, from, to, quote ?? Clause(trigger), trigger, rule, confidence)
        {
            Attributes = attributes ?? EdgeAttributes.None,
            Structural = structural,
            NoAttribution = type is Reported or MetWith,
        });
    }

    // Figures and dates of the clause around the trigger only: "..., while 1,200 soldiers were killed" is another matter.
    private EdgeAttributes ClauseFigures(int t)
    {
        int from = t, to = t;
        while (from > 0 && !IsBoundary(_tokens[from - 1]))
        {
            from--;
        }

        while (to < _tokens.Count && !IsBoundary(_tokens[to]) && !(_tokens[to].Text == "," && to + 1 < _tokens.Count && _tokens[to + 1].Lower is "while" or "but" or "whereas" or "although"))
        {
            to++;
        }

        return Figures(from, to);
    }

    private EdgeAttributes Figures(int from, int to, string? personnel = null)
    {
        var a = Quantities.Read(_tokens, from, to, EdgeAttributes.None);
        a = Dates.Read(_tokens, from, to, _published, a);
        return personnel is null ? a : a with { Personnel = personnel };
    }

    // ---------- frames ----------

    /// <summary>Agent before the trigger, patient after (or the reverse in the passive with "by").</summary>
    private void Frame(RelationshipType type, int t, string rule, double confidence, int patientFrom = -1)
    {
        var noun = _tokens[t].Lower is "veto" or "adoption" or "violation" or "violations" or "visit" or "trip";
        Mention? agent, patient;
        var form = "active";
        if (noun)
        {
            // "Russia's veto of the resolution", "the visit of X to Y".
            agent = t > 0 && Before(t, From(type), 4, allowQualifier: true) is { Possessive: true } p ? p : null;
            var of = IndexAfter(t, "of", "to", "on");
            patient = of >= 0 ? After(of + 1, To(type), 8) : null;
            form = "nominal";
        }
        else if (IsPassive(t))
        {
            patient = Before(t, To(type));
            var by = IndexAfter(t, "by");
            agent = by >= 0 ? After(by + 1, From(type), 6) : null;
            form = "passive";
        }
        else
        {
            agent = Before(t, From(type));
            patient = After(patientFrom >= 0 ? patientFrom : t + 1, To(type));
        }

        if (agent is not null && patient is not null)
        {
            Add(type, Arg(agent), Arg(patient), t, $"{rule}.{form}", confidence * Math.Min(agent.Confidence, patient.Confidence), ClauseFigures(t));
        }
    }

    private Mention? PersonnelAgent(int t, out int at)
    {
        // "North Korean troops, deployed to...", "sending North Korean workers to...", "the 11,000 soldiers North Korea provided".
        at = -1;
        if (After(t + 1, e => e.Kind == NodeKind.State, 3) is { Personnel: not null } following)
        {
            at = following.Last;
            return following;
        }

        var before = Before(t, e => e.Kind == NodeKind.State, 14);
        return before;
    }

    private void Deploy(int t, IDictionary<Entity, Entity> lastDeployment)
    {
        var arrive = Lexicon.Arrive.Contains(_tokens[t].Lower);
        var agent = PersonnelAgent(t, out var agentEnd);
        if (agent is null)
        {
            return;
        }

        var personnel = agent.Personnel ?? Quantities.Personnel(_tokens, Math.Max(0, agent.First - 4), Math.Min(_tokens.Count, t + 6));
        if (personnel is null && !(arrive && agent.Form != MentionForm.Demonym))
        {
            return;
        }

        var start = agentEnd > 0 ? agentEnd : t + 1;
        var prep = arrive ? IndexAfter(start - 1, "in", "at") : IndexAfter(start - 1, "to", "into", "in");
        if (prep < 0)
        {
            return;
        }

        var patient = After(prep + 1, e => e.Kind is NodeKind.State or NodeKind.Location or NodeKind.Conflict || (e.Kind == NodeKind.Agency && e.Affiliations.Exists(a => a.Parent.Kind == NodeKind.State)), 8);
        if (patient is null)
        {
            return;
        }

        var to = Arg(patient);
        if (to.Kind == NodeKind.Agency)
        {
            to = to.Affiliations.First(a => a.Parent.Kind == NodeKind.State).Parent;
        }

        var from = Arg(agent);
        if (from == to)
        {
            return;
        }

        var lo = Math.Min(agent.First, t);
        Add(Deployed, from, to, t, arrive ? "deployed.arrival" : agentEnd > 0 ? "deployed.object" : IsPassive(t) ? "deployed.passive" : "deployed.active",
            0.8 * Math.Min(agent.Confidence, patient.Confidence), Figures(Math.Max(0, lo - 6), patient.Last + 6, personnel ?? "workers"));
        if (to.Kind == NodeKind.Location)
        {
            lastDeployment[from] = to;
        }

        _context.Senders[personnel ?? "workers"] = from;
    }

    private void Withdraw(int t, IDictionary<Entity, Entity> lastDeployment)
    {
        var w = _tokens[t].Lower;
        if (w.StartsWith("pull", StringComparison.Ordinal) && !(t + 1 < _tokens.Count && _tokens[t + 1].Lower is "back" or "out" or "from"))
        {
            return;
        }

        var agent = Before(t, e => e.Kind == NodeKind.State, 16);
        if (agent is null || (agent.Personnel is null && Quantities.Personnel(_tokens, agent.First, t) is null))
        {
            return;
        }

        var from = IndexAfter(t, "from");
        var patient = from >= 0 ? After(from + 1, To(WithdrewFrom), 6) : null;
        var target = patient is null ? null : Arg(patient);
        var rule = IsPassive(t) ? "withdrew.passive" : "withdrew.active";
        var confidence = 0.8;
        if (target is null && lastDeployment.TryGetValue(Arg(agent), out var last))
        {
            // "pulled back from the frontline" after "deployed to X": the place they were sent to.
            target = last;
            rule += ".previous-deployment";
            confidence = 0.6;
        }

        if (target is not null)
        {
            var personnel = agent.Personnel ?? Quantities.Personnel(_tokens, agent.First, t) ?? "troops";
            var figures = Figures(t, _tokens.Count, personnel);
            Add(WithdrewFrom, Arg(agent), target, t, rule, confidence * agent.Confidence, figures);
        }
    }

    private void SupportFrame(int t)
    {
        var w = _tokens[t].Lower;
        if (w is "support" or "assistance" && t + 1 < _tokens.Count && _tokens[t + 1].Lower is "for" or "to")
        {
            // "X's support for Y", "his country's support for Russia".
            var owner = Before(t, _ => true, 4, allowQualifier: true);
            var target = After(t + 2, _ => true, 5);
            if (owner is { Possessive: true } && target is not null)
            {
                Add(Supports, Arg(owner), Arg(target), t, "supports.nominal", 0.75 * Math.Min(owner.Confidence, target.Confidence), ClauseFigures(t));
            }

            return;
        }

        if (w is "support" or "aid" or "assistance" && t + 1 < _tokens.Count && _tokens[t + 1].Lower is "to" or "for")
        {
            // "Britain pledged $2 billion in military aid to Kyiv": the giver is the clause's subject.
            var giver = Before(t, e => e.Kind is NodeKind.State or NodeKind.Organization or NodeKind.Agency, 10);
            var receiver = After(t + 2, e => e.Kind is NodeKind.State or NodeKind.Agency or NodeKind.Conflict or NodeKind.Organization, 4);
            if (giver is not null && receiver is not null)
            {
                Add(Supports, Arg(giver), Arg(receiver), t, "supports.aid-to", 0.7 * Math.Min(giver.Confidence, receiver.Confidence), Figures(giver.First, receiver.Last));
            }

            return;
        }

        if (w is "support" or "aid" or "assistance" && t > 0 && _tokens[t - 1].Lower is "military" or "financial" or "political" or "labor" or "labour" or "economic")
        {
            return;
        }

        if (IsPassive(t) && !(t > 0 && _tokens[t - 1].Lower == "to"))
        {
            return;
        }

        // "sent to assist Russia": the agent is whoever was sent.
        var agent = Before(t, e => e.Kind is NodeKind.State or NodeKind.Official or NodeKind.Agency or NodeKind.Organization, 10);
        var patient = After(t + 1, e => e.Kind is NodeKind.State or NodeKind.Agency or NodeKind.Conflict or NodeKind.Official or NodeKind.Organization, 5);
        if (agent is not null && patient is not null)
        {
            Add(Supports, Arg(agent), Arg(patient), t, "supports.active", 0.7 * Math.Min(agent.Confidence, patient.Confidence));
        }
    }

    private bool ArmsNear(int t)
    {
        for (var k = Math.Max(0, t - 3); k < Math.Min(_tokens.Count, t + 6); k++)
        {
            if (Lexicon.Arms.Contains(_tokens[k].Lower))
            {
                return true;
            }
        }

        return false;
    }

    private void Supply(int t)
    {
        var nominal = _tokens[t].Lower is "supply" or "supplies" or "shipment" or "shipments" or "deliveries" or "delivery" or "transfer" or "transfers" or "exports"
            && t > 0 && Lexicon.Arms.Contains(_tokens[t - 1].Lower);
        Mention? agent;
        if (nominal)
        {
            // "North Korea's alleged arms supply to Russia".
            agent = Before(t, From(SuppliesArmsTo), 5, allowQualifier: true) is { Possessive: true } p ? p : null;
        }
        else if (IsPassive(t))
        {
            var by = IndexAfter(t, "by");
            agent = by >= 0 ? After(by + 1, From(SuppliesArmsTo), 5) : null;
        }
        else
        {
            agent = Before(t, From(SuppliesArmsTo), 10);
        }

        if (agent is null)
        {
            return;
        }

        var to = IndexAfter(t, "to", "with");
        Mention? recipient = null;
        if (to >= 0 && _tokens[to].Lower == "to")
        {
            recipient = After(to + 1, To(SuppliesArmsTo), 5);
        }
        else if (!nominal && After(t + 1, To(SuppliesArmsTo), 2) is { } direct && to >= 0)
        {
            recipient = direct; // "supplied Russia with shells"
        }

        if (recipient is not null)
        {
            Add(SuppliesArmsTo, Arg(agent), Arg(recipient), t, nominal ? "supplies-arms.nominal" : "supplies-arms.active", 0.8 * Math.Min(agent.Confidence, recipient.Confidence), Figures(t, _tokens.Count));
        }
    }

    private void Import(int t)
    {
        // "Russia imports ammunition from North Korea": the supplier follows "from".
        if (!ArmsNear(t))
        {
            return;
        }

        var from = IndexAfter(t, "from");
        var supplier = from >= 0 ? After(from + 1, From(SuppliesArmsTo), 4) : null;
        var buyer = Before(t, To(SuppliesArmsTo), 12);
        if (supplier is not null && buyer is not null)
        {
            Add(SuppliesArmsTo, Arg(supplier), Arg(buyer), t, "supplies-arms.import", 0.7 * Math.Min(supplier.Confidence, buyer.Confidence));
        }
    }

    private void Parties(RelationshipType type, int t, string rule, RelationshipType also)
    {
        var treaty = After(t + 1, e => e.Kind == NodeKind.Treaty, 6) ?? Before(t, e => e.Kind == NodeKind.Treaty, 4);
        if (treaty is null)
        {
            return;
        }

        var parties = new List<Mention>();
        var w = _tokens[t].Lower;
        if (w is "ratification" or "signing")
        {
            // "the ratification of their treaty" after "ties between X and Y": the pair named before.
            parties.AddRange(PairBefore(t));
            if (Before(t, e => e.Kind == NodeKind.State, 3, allowQualifier: true) is { Possessive: true } owner)
            {
                parties.Add(owner);
            }
        }
        else if (IsPassive(t))
        {
            var by = IndexAfter(t, "by");
            if (by >= 0 && After(by + 1, From(type), 5) is { } a)
            {
                parties.Add(a);
            }
        }
        else if (Before(t, From(type), 8) is { } agent)
        {
            parties.Add(agent);
            if (PairBefore(t) is { Count: 2 } pair && pair.Contains(agent))
            {
                parties = pair;
            }
        }

        foreach (var party in parties.Distinct())
        {
            var f = Arg(party);
            if (GraphOntology.RuleFor(type).From.Contains(f.Kind))
            {
                Add(type, f, treaty.Entity, t, rule + (w.EndsWith("tion", StringComparison.Ordinal) ? ".nominal" : ".active"), 0.8 * party.Confidence, ClauseFigures(t));
                if (f.Kind == NodeKind.State)
                {
                    Add(also, f, treaty.Entity, t, "party-to." + rule, 0.75 * party.Confidence);
                }
            }
        }
    }

    private List<Mention> PairBefore(int t)
    {
        // "between Moscow and Pyongyang", "Russia and North Korea".
        for (var k = t - 1; k >= 1; k--)
        {
            if (_tokens[k].Lower == "and" && _at[k - 1] is { } left && _at[k + 1] is { } right && Arg(left).Kind == NodeKind.State && Arg(right).Kind == NodeKind.State && right.First == k + 1)
            {
                return [left, right];
            }
        }

        return [];
    }

    private List<Mention> PairAfter(int t, int window = 10)
    {
        for (var k = t + 1; k < _tokens.Count - 1 && k < t + window; k++)
        {
            if (_tokens[k].Lower != "and")
            {
                continue;
            }

            // "between Moscow and Pyongyang", "between Kim Jong Un's regime and Vladimir Putin's government".
            var left = _at[k - 1] ?? (k >= 3 && Cues.GovernmentNouns.Contains(_tokens[k - 1].Lower) && _tokens[k - 2].Kind == TokenKind.Possessive ? _at[k - 3] : null);
            var right = _at[k + 1];
            if (_tokens[k + 1].Lower == "the" && k + 2 < _tokens.Count)
            {
                right = _at[k + 2];
            }

            if (left is not null && right is not null && left.CanBeArgument && right.CanBeArgument && left != right)
            {
                return [left, right];
            }
        }

        return [];
    }

    private void Alliance(int t)
    {
        var w = _tokens[t].Lower;
        if (w == "alliance" && t + 1 < _tokens.Count && _tokens[t + 1].Lower == "between" && PairAfter(t + 1, 10) is [var a, var b])
        {
            AddPair(AlliedWith, a, b, t, "allied.between", 0.8);
            return;
        }

        if (w == "alliance" && t >= 2 && _tokens[t - 2].Text is "-" or "–" or "/" && _at[t - 1] is { } right && _at[t - 3 < 0 ? 0 : t - 3] is { } left && left != right)
        {
            AddPair(AlliedWith, left, right, t, "allied.compound", 0.8);
            return;
        }

        if (w is "ally" or "allies" && Before(t, e => e.Kind == NodeKind.State, 4, allowQualifier: true) is { Possessive: true } owner)
        {
            // "X has emerged as one of Y's staunchest allies".
            var subject = Before(owner.First, e => e.Kind == NodeKind.State && e != owner.Entity, 12);
            if (subject is not null)
            {
                AddPair(AlliedWith, subject, owner, t, "allied.ally-of", 0.75);
            }

            return;
        }

        if (w == "allied" && t + 1 < _tokens.Count && _tokens[t + 1].Lower == "with")
        {
            var first = Before(t, e => e.Kind == NodeKind.State);
            var second = After(t + 2, e => e.Kind == NodeKind.State, 4);
            if (first is not null && second is not null)
            {
                AddPair(AlliedWith, first, second, t, "allied.verb", 0.8);
            }
        }
    }

    private void AddPair(RelationshipType type, Mention a, Mention b, int t, string rule, double confidence)
    {
        var x = Arg(a);
        var y = Arg(b);
        if (x.Kind == NodeKind.State && y.Kind == NodeKind.State)
        {
            Add(type, x, y, t, rule, confidence * Math.Min(a.Confidence, b.Confidence), ClauseFigures(t));
        }
    }

    private void War(int t)
    {
        var w = _tokens[t].Lower;
        if (w is "invasion" or "war" or "conflict" or "attack" or "attacks" or "strikes" or "offensive")
        {
            // "Russia's full-scale invasion of Ukraine", "Russia's war on Ukraine", "war between X and Y".
            if (w is "war" or "conflict" && t + 1 < _tokens.Count && _tokens[t + 1].Lower == "between" && PairAfter(t + 1) is [var a, var b])
            {
                AddPair(AtWarWith, a, b, t, "at-war.between", 0.8);
                return;
            }

            var owner = Before(t, e => e.Kind == NodeKind.State, 4, allowQualifier: true);
            var ownedByIts = false;
            if (owner is not { Possessive: true } && ItsState(t) is { } its)
            {
                // "Russia's labor shortage, worsened by its war in Ukraine": "its" is the state named last before it.
                owner = its;
                ownedByIts = true;
            }

            var of = IndexAfter(t, "of", "on", "against", "in", "with");
            var victim = of >= 0 && of <= t + 2 ? After(of + 1, e => e.Kind is NodeKind.State or NodeKind.Location, 3) : null;
            if (w is "war" or "conflict" && victim is { Entity.Kind: NodeKind.State } && _tokens[of].Lower == "in")
            {
                // "the war in Ukraine" is one war wherever the text names it; troops sent to Ukraine are sent to it.
                var war = _context.ForNew(NodeKind.Conflict, "War in " + Arg(victim).Name);
                war.Theatre ??= Arg(victim);
            }

            if ((owner is { Possessive: true } || ownedByIts) && victim is not null && owner!.Entity != victim.Entity)
            {
                var agg = Arg(owner);
                var vic = Arg(victim);
                if (w is "invasion" or "war" or "conflict")
                {
                    if (vic.Kind == NodeKind.State)
                    {
                        Add(AtWarWith, agg, vic, t, "at-war.nominal", 0.8 * Math.Min(owner.Confidence, victim.Confidence), ClauseFigures(t));
                    }
                }

                if (w is not ("war" or "invasion" or "conflict"))
                {
                    Add(Attacked, agg, vic, t, "attacked.nominal", 0.75 * Math.Min(owner.Confidence, victim.Confidence), ClauseFigures(t));
                }
            }

            return;
        }

        if (w is "war" or "conflict")
        {
            return;
        }

        // Verbs: "Russia invaded Ukraine", "Israel struck Iran".
        if (IsPassive(t))
        {
            var victim = Before(t, To(Attacked));
            var by = IndexAfter(t, "by");
            var attacker = by >= 0 ? After(by + 1, From(Attacked), 5) : null;
            if (victim is not null && attacker is not null)
            {
                Add(Attacked, Arg(attacker), Arg(victim), t, "attacked.passive", 0.75 * Math.Min(attacker.Confidence, victim.Confidence), ClauseFigures(t));
            }

            return;
        }

        // "Russian forces attacked Kharkiv": a state's armed forces act for the state.
        var agent = Before(t, e => From(Attacked)(e) || StateOf(e) is not null, 8);
        var patient = After(t + 1, To(Attacked), 4);
        if (agent is not null && patient is not null)
        {
            Add(Attacked, StateOf(Arg(agent)) ?? Arg(agent), Arg(patient), t, "attacked.active", 0.75 * Math.Min(agent.Confidence, patient.Confidence), ClauseFigures(t));
            if (w.StartsWith("invad", StringComparison.Ordinal) && Arg(patient).Kind == NodeKind.State)
            {
                Add(AtWarWith, StateOf(Arg(agent)) ?? Arg(agent), Arg(patient), t, "at-war.invaded", 0.75 * Math.Min(agent.Confidence, patient.Confidence));
            }
        }
    }

    // The state "its" stands for, when "its" opens the phrase before a trigger: the last state the sentence named before it.
    private Mention? ItsState(int t)
    {
        for (var k = t - 1; k >= Math.Max(0, t - 3); k--)
        {
            if (_tokens[k].Lower != "its")
            {
                continue;
            }

            for (var j = _mentions.Count - 1; j >= 0; j--)
            {
                if (_mentions[j].Last <= k && _mentions[j].Entity.Kind == NodeKind.State && _mentions[j].CanBeArgument)
                {
                    return _mentions[j];
                }
            }

            return null;
        }

        return null;
    }

    private void Employ(int t)
    {
        // "Russian firms are hiring North Korean workers": employer before, workers' state after.
        Mention? workers, employer;
        if (IsPassive(t))
        {
            // "North Korean workers were hired by Russian firms".
            var by = IndexAfter(t, "by");
            workers = Before(t, e => e.Kind == NodeKind.State, 8);
            employer = by >= 0 ? After(by + 1, e => e.Kind is NodeKind.State or NodeKind.Organization or NodeKind.Agency, 4) : null;
        }
        else
        {
            workers = After(t + 1, e => e.Kind == NodeKind.State, 4);
            employer = Before(t, e => e.Kind is NodeKind.State or NodeKind.Organization or NodeKind.Agency, 10);
        }

        if (workers is not null && employer is not null && (workers.Personnel is not null || workers.Form != MentionForm.Demonym))
        {
            Add(Employs, Arg(employer), Arg(workers), t, IsPassive(t) ? "employs.passive" : "employs.active", 0.7 * Math.Min(workers.Confidence, employer.Confidence), Figures(0, _tokens.Count, "workers"));
        }
    }

    private void WorkersIn()
    {
        // "North Korean workers in Russia": the state they work in employs them.
        foreach (var m in _mentions)
        {
            if (m.Personnel != "workers" || m.Entity.Kind != NodeKind.State)
            {
                continue;
            }

            var k = m.Last;
            while (k < _tokens.Count && k < m.Last + 3 && _tokens[k].Lower != "in")
            {
                k++;
            }

            if (k < _tokens.Count && _tokens[k].Lower == "in" && k + 1 < _tokens.Count && _at[k + 1] is { } host && host.Entity.Kind == NodeKind.State && host.Entity != m.Entity && host.CanBeArgument)
            {
                var verb = k + 2 < _tokens.Count && _tokens[k + 2].Lower is "were" or "are" or "was" or "is";
                if (verb || (k + 2 < _tokens.Count && _tokens[k + 2].Lower is "receive" or "received" or "receiving" or "earn" or "earned" or "earning" or "work" or "working"))
                {
                    Add(Employs, host.Entity, m.Entity, m.First, "employs.workers-in", 0.6 * host.Confidence, Figures(m.First, _tokens.Count, "workers"));
                }
            }
        }
    }

    private void Gift(int t)
    {
        var giver = Before(t, e => e.Kind == NodeKind.Official, 6);
        var receiver = After(t + 1, e => e.Kind == NodeKind.Official, 4);
        if (giver is not null && receiver is not null)
        {
            Add(Gifted, giver.Entity, receiver.Entity, t, "gifted.active", 0.8 * Math.Min(giver.Confidence, receiver.Confidence));
        }
    }

    private void Meet(int t)
    {
        var w = _tokens[t].Lower;
        static bool Party(Entity e) => e.Kind is NodeKind.Official or NodeKind.Person or NodeKind.Organization or NodeKind.Agency or NodeKind.State;
        if (w == "told")
        {
            // "X told NHK": an interview with an outlet (or a statement to a person).
            var listener = After(t + 1, e => e.Kind is NodeKind.Organization or NodeKind.Official or NodeKind.Person, 2);
            var speaker = Speaker(t);
            if (listener is not null && speaker is not null)
            {
                Add(MetWith, Arg(speaker), listener.Entity, t, "met.told", 0.75 * Math.Min(listener.Confidence, speaker.Confidence), quote: new TextSpan(_tokens[speaker.First].Start, listener.Span.End));
            }

            return;
        }

        if (w == "interview" && t + 1 < _tokens.Count && _tokens[t + 1].Lower == "with")
        {
            var outlet = After(t + 2, e => e.Kind is NodeKind.Organization or NodeKind.Official or NodeKind.Person, 3);
            var speaker = Speech?.Source;
            if (outlet is not null && speaker is not null && speaker != outlet.Entity)
            {
                Add(MetWith, speaker, outlet.Entity, t, "met.interview", 0.75 * outlet.Confidence);
            }

            return;
        }

        if (w is "meeting" or "meetings" or "talks" or "summit")
        {
            // "during their meetings": the two people named before; "talks with X".
            if (t > 0 && _tokens[t - 1].Lower == "their")
            {
                var people = _mentions.Where(m => m.Last <= t && m.Entity.Kind is NodeKind.Official or NodeKind.Person).Select(m => m.Entity).Distinct().TakeLast(2).ToList();
                if (people.Count == 2)
                {
                    Add(MetWith, people[0], people[1], t, "met.their-meeting", 0.7);
                }

                return;
            }

            var with = IndexAfter(t, "with");
            if (with == t + 1)
            {
                var other = After(with + 1, Party, 4);
                var subject = Before(t, Party, 8);
                if (other is not null && subject is not null)
                {
                    Add(MetWith, Arg(subject), Arg(other), t, "met.talks-with", 0.7 * Math.Min(other.Confidence, subject.Confidence));
                }
            }

            return;
        }

        // "X met (with) Y".
        var left = Before(t, e => e.Kind is NodeKind.Official or NodeKind.Person, 6);
        var start = t + 1 < _tokens.Count && _tokens[t + 1].Lower == "with" ? t + 2 : t + 1;
        var right = After(start, e => e.Kind is NodeKind.Official or NodeKind.Person or NodeKind.Organization or NodeKind.Agency, 6);
        if (left is not null && right is not null && w is "met" or "meets" or "meet")
        {
            Add(MetWith, left.Entity, right.Entity, t, "met.active", 0.75 * Math.Min(left.Confidence, right.Confidence));
        }
    }

    private void Sanction(int t)
    {
        var w = _tokens[t].Lower;
        if (w == "sanctioned" || w == "sanction" && !IsPassive(t))
        {
            var agent = Before(t, From(Sanctions), 6);
            var target = After(t + 1, To(Sanctions), 3);
            if (agent is not null && target is not null)
            {
                Add(Sanctions, Arg(agent), Arg(target), t, "sanctions.active", 0.75 * Math.Min(agent.Confidence, target.Confidence), ClauseFigures(t));
            }

            return;
        }

        if (w == "sanctions" && t > 0 && _at[t - 1] is { } imposer && From(Sanctions)(imposer.Entity) && imposer.Entity.Kind != NodeKind.Resolution)
        {
            // "U.N. sanctions against Pyongyang", "EU sanctions on Russia".
            var on = IndexAfter(t, "against", "on");
            var target = on == t + 1 ? After(on + 1, e => e.Kind is NodeKind.State or NodeKind.Agency or NodeKind.Official or NodeKind.Organization, 3) : null;
            if (target is not null)
            {
                Add(Sanctions, Arg(imposer), Arg(target), t, "sanctions.nominal", 0.75 * Math.Min(imposer.Confidence, target.Confidence), ClauseFigures(t));
            }
            else if (on < 0 && TopicState() is { } topic && topic != Arg(imposer) && _mentions.Exists(m => m.Entity == topic && m.CanBeArgument))
            {
                // "despite U.N. sanctions", with the story's state in the sentence: the sanctions are on that state.
                Add(Sanctions, Arg(imposer), topic, t, "sanctions.topic", 0.55 * imposer.Confidence, ClauseFigures(t));
            }
        }
    }

    // The state the document has named most so far: what an unqualified "sanctions" or "the regime" is about.
    private Entity? TopicState()
    {
        var counts = new Dictionary<Entity, int>();
        foreach (var m in _context.History)
        {
            if (m.Entity.Kind == NodeKind.State)
            {
                counts[m.Entity] = counts.GetValueOrDefault(m.Entity) + 1;
            }
        }

        Entity? best = null;
        var bestCount = 0;
        var tie = false;
        foreach (var (entity, count) in counts)
        {
            if (count > bestCount)
            {
                (best, bestCount, tie) = (entity, count, false);
            }
            else if (count == bestCount)
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    private void TargetEdges()
    {
        // "Resolution 2397, which required North Korean workers to return", "resolutions prohibiting Pyongyang from...".
        foreach (var r in _mentions)
        {
            if (r.Entity.Kind != NodeKind.Resolution)
            {
                continue;
            }

            for (var k = r.Last; k < Math.Min(_tokens.Count, r.Last + 14); k++)
            {
                if (_tokens[k].Text is ";" || (_at[k] is { } other && other.Entity.Kind == NodeKind.Resolution && other != r))
                {
                    break;
                }

                if (Lexicon.Targeting.Contains(_tokens[k].Lower) && _tokens[k].Lower != "against")
                {
                    var state = After(k + 1, e => e.Kind == NodeKind.State, 6);
                    if (state is null && k + 2 < _tokens.Count && _tokens[k + 1].Lower == "all" && _at[k + 3 < _tokens.Count ? k + 3 : k] is { } s2)
                    {
                        state = s2.Entity.Kind == NodeKind.State ? s2 : null;
                    }

                    if (state is not null)
                    {
                        Add(Targets, r.Entity, Arg(state), k, "targets.verb", 0.75 * Math.Min(r.Confidence, state.Confidence), Figures(r.First, _tokens.Count),
                            quote: new TextSpan(r.Span.Start, state.Span.End));
                    }

                    break;
                }
            }
        }
    }

    // ---------- roles ----------

    private void Roles()
    {
        foreach (var m in _mentions)
        {
            var e = m.Entity;
            if (m.Form == MentionForm.Coreference)
            {
                continue;
            }

            if (e.Kind is NodeKind.Official or NodeKind.Person)
            {
                TitleRole(m);
                Appositive(m);
                GovernmentRole(m);
            }

            // Affiliations a pattern read ("South Korean Ministry of Unification", "unnamed Ukrainian and U.S. officials").
            foreach (var (parent, cue) in e.Kind is NodeKind.Agency or NodeKind.Organization || e.Unnamed ? e.Affiliations : [])
            {
                if (cue.Start >= _sentence.Start && cue.End <= _sentence.End && cue.Start <= m.Span.Start && m.Span.End <= Math.Max(cue.End, m.Span.End))
                {
                    Add(MemberOf, e, parent, m.First, "member-of.qualifier", 0.8, quote: new TextSpan(Math.Min(cue.Start, m.Span.Start), Math.Max(cue.End, m.Span.End)), structural: true);
                    foreach (var (grand, _) in parent.Affiliations)
                    {
                        if (grand.Kind == NodeKind.State && parent.Kind is NodeKind.Agency or NodeKind.Organization)
                        {
                            Add(MemberOf, parent, grand, m.First, "member-of.unit", 0.75, quote: new TextSpan(Math.Min(cue.Start, m.Span.Start), Math.Max(cue.End, m.Span.End)), structural: true);
                        }
                    }
                }
            }

            // "South Korea's National Intelligence Service", "Russia's Kursk region", "the North Korean army".
            var qualifier = m.First > 0 ? _at[m.First - 1] ?? (m.First > 1 && _tokens[m.First - 1].Kind == TokenKind.Possessive ? _at[m.First - 2] : null) : null;
            if (qualifier is not null && qualifier != m && qualifier.Entity.Kind == NodeKind.State && (qualifier.Possessive || qualifier.Form == MentionForm.Demonym))
            {
                var span = new TextSpan(qualifier.Span.Start, m.Span.End);
                if (e.Kind is NodeKind.Agency or NodeKind.Official)
                {
                    Add(MemberOf, e, qualifier.Entity, m.First, "member-of.possessive", 0.8 * m.Confidence, quote: span, structural: true);
                }
                else if (e.Kind == NodeKind.Location)
                {
                    Add(LocatedIn, e, qualifier.Entity, m.First, "located-in.possessive", 0.85 * m.Confidence, quote: span, structural: true);
                }
            }

            // "Kharkiv, Ukraine", "Kursk region in Russia".
            if (e.Kind == NodeKind.Location && m.Last + 1 < _tokens.Count && _tokens[m.Last].Text is "," or "in" && _at[m.Last + 1] is { Entity.Kind: NodeKind.State, Form: MentionForm.Name } state
                && (e.Reference is null ? !e.Known : e.Reference.LocatedIn == state.Entity.Id))
            {
                Add(LocatedIn, e, state.Entity, m.First, "located-in.apposition", 0.75, quote: new TextSpan(m.Span.Start, state.Span.End), structural: true);
            }

            // "Russian forces", "the Ukrainian army": a listed agency named with its state's demonym or name is part of it.
            if (e.Reference?.PartOf is { } stateId && e.Kind == NodeKind.Agency && m.Form == MentionForm.Name && stateId.Kind == NodeKind.State
                && _context.Index.Gazetteer.Find(stateId) is { } stateEntry && StartsWithState(m.Span.Of(_text), stateEntry))
            {
                Add(MemberOf, e, _context.ForReference(stateEntry), m.First, "member-of.agency-name", 0.8, quote: m.Span, structural: true);
            }

            // "the UN Security Council": a body named with its parent's name is part of it.
            if (e.Reference?.PartOf is { } parentId && e.Kind == NodeKind.Organization && m.Form == MentionForm.Name
                && _context.Index.Gazetteer.Find(parentId) is { } parentEntry && StartsWithName(m.Span.Of(_text), parentEntry))
            {
                var start = m.First > 0 && _tokens[m.First - 1].Lower == "the" ? _tokens[m.First - 1].Start : m.Span.Start;
                Add(MemberOf, e, _context.ForReference(parentEntry), m.First, "member-of.body-name", 0.8, quote: new TextSpan(start, m.Span.End), structural: true);
            }

            // "a United Nations panel", "the UN committee": an unnamed body of a named organization.
            if (e.Kind == NodeKind.Organization && m.Last < _tokens.Count && _tokens[m.Last].Lower is "panel" or "committee" or "commission" or "mission" or "body" or "team")
            {
                var body = _context.ForNew(NodeKind.Organization, $"{e.Name} {_tokens[m.Last].Lower}");
                var startTok = m.First > 0 && _tokens[m.First - 1].Lower is "a" or "an" or "the" ? m.First - 1 : m.First;
                var span = new TextSpan(_tokens[startTok].Start, _tokens[m.Last].End);
                body.AddAlias(span.Of(_text));
                _context.History.Add(new Mention(startTok, m.Last + 1, span, body, MentionForm.Pattern, 0.75));
                var end = m.Last + 1;
                while (end < _tokens.Count && !IsBoundary(_tokens[end]) && _tokens[end].Text is not ("," or "."))
                {
                    end++;
                }

                Add(MemberOf, body, e, m.First, "member-of.body-of", 0.75, quote: new TextSpan(span.Start, _tokens[end - 1].End), structural: true);
            }

            // Numbered UN resolutions are adopted by the Security Council (numbers are given on adoption).
            if (e.Kind == NodeKind.Resolution && e.Name.StartsWith("UN Security Council Resolution ", StringComparison.Ordinal) && m.Form == MentionForm.Pattern)
            {
                var council = _context.Index.Gazetteer.Find(ActorId.For(NodeKind.Organization, "UN Security Council"));
                if (council is not null)
                {
                    Add(Adopted, _context.ForReference(council), e, m.First, "adopted.numbered-resolution", 0.6, quote: m.Span, structural: true);
                }
            }
        }
    }

    private static bool StartsWithState(string surface, Gazetteer.GazetteerEntry state)
    {
        var folded = Graph.Core.NameFolding.Fold(surface);
        return state.Demonyms.Concat(state.Aliases).Prepend(state.Name).Select(Graph.Core.NameFolding.Fold).Any(a => a.Length > 0 && folded.StartsWith(a + " ", StringComparison.Ordinal));
    }

    private static bool StartsWithName(string surface, Gazetteer.GazetteerEntry parent)
    {
        var folded = Graph.Core.NameFolding.Fold(surface);
        return parent.Aliases.Prepend(parent.Name).Select(a => Graph.Core.NameFolding.Fold(a.StartsWith("the ", StringComparison.Ordinal) ? a[4..] : a))
            .Any(a => a.Length > 0 && folded.StartsWith(a + " ", StringComparison.Ordinal));
    }

    private void TitleRole(Mention m)
    {
        var k = MentionFinder.TitleStart(_tokens, m.First, _mentions);
        if (k == m.First)
        {
            return;
        }

        // "Prime Minister" and "President" head a state; "Foreign Minister" or "Vice President" do not.
        var titleWords = Enumerable.Range(k, m.First - k).Select(i => _tokens[i].Lower).Where(w => Cues.LeaderTitles.Contains(w) || Cues.OfficialTitles.Contains(w)).ToList();
        var leader = (titleWords.Any(Cues.LeaderTitles.Contains) || titleWords.SequenceEqual(["prime", "minister"]))
            && !titleWords.Any(w => w is "vice" or "deputy" or "foreign" or "defense" or "defence" or "former" or "ambassador" or "secretary" or "minister" && !titleWords.Contains("prime"));
        var j = k - 1;
        if (j >= 0 && _tokens[j].Kind == TokenKind.Possessive)
        {
            j--;
        }

        var qualifier = j >= 0 ? _at[j] : null;
        var state = qualifier is { Entity.Kind: NodeKind.State } ? qualifier.Entity : null;
        var quoteStart = state is not null ? qualifier!.Span.Start : _tokens[k].Start;
        if (state is null && leader && m.Entity.Reference?.Leads is { } led && _context.Index.Gazetteer.Find(led) is { } ledEntry)
        {
            state = _context.ForReference(ledEntry);
        }

        if (state is null)
        {
            return;
        }

        var quote = new TextSpan(quoteStart, m.Span.End);
        Add(leader ? Leads : MemberOf, m.Entity, state, m.First, leader ? "leads.title" : "member-of.title", (leader ? 0.85 : 0.8) * m.Confidence, quote: quote, structural: true);
    }

    // "Vladimir Putin's government", "the Assad regime's": a person's government is the state the person leads.
    private void GovernmentRole(Mention m)
    {
        if (!m.Possessive || m.Last + 1 >= _tokens.Count || !Cues.GovernmentNouns.Contains(_tokens[m.Last + 1].Lower))
        {
            return;
        }

        var state = m.Entity.Affiliations.Select(a => a.Parent).FirstOrDefault(p => p.Kind == NodeKind.State)
            ?? (m.Entity.Reference?.Leads is { } led && _context.Index.Gazetteer.Find(led) is { } ledEntry ? _context.ForReference(ledEntry) : null);
        if (state is not null)
        {
            var quote = new TextSpan(m.Span.Start, _tokens[m.Last + 1].End);
            Add(Leads, m.Entity, state, m.First, "leads.government", 0.75 * m.Confidence, quote: quote, structural: true);
        }
    }

    private void Appositive(Mention m)
    {
        // "X, a South Korean politician", "X, a former member of the panel".
        var k = m.Last;
        if (k + 2 >= _tokens.Count || _tokens[k].Text != "," || _tokens[k + 1].Lower is not ("a" or "an" or "the"))
        {
            return;
        }

        var end = k + 2;
        while (end < _tokens.Count && _tokens[end].Text is not ("," or "." or ";") && end < k + 12)
        {
            end++;
        }

        var quote = new TextSpan(m.Span.Start, _tokens[end - 1].End);
        for (var i = k + 2; i < end; i++)
        {
            if (_tokens[i].Lower is "member" or "members" && i + 1 < end && _tokens[i + 1].Lower == "of" && After(i + 2, e => e.Kind is NodeKind.Organization or NodeKind.Agency or NodeKind.State, 4) is { } body)
            {
                Add(MemberOf, m.Entity, body.Entity, m.First, "member-of.appositive", 0.75 * body.Confidence, quote: quote, structural: true);
                return;
            }

            if (_at[i] is { Entity.Kind: NodeKind.State } state && (state.Form == MentionForm.Demonym || state.Possessive) && i < k + 5)
            {
                if (m.Entity.Kind == NodeKind.Person && !m.Entity.Known && Enumerable.Range(i, end - i).Any(j => Cues.OfficialRoles.Contains(_tokens[j].Lower)))
                {
                    m.Entity.Kind = NodeKind.Official;
                }

                if (!m.Entity.Affiliations.Exists(a => a.Parent == state.Entity))
                {
                    m.Entity.Affiliations.Add((state.Entity, quote));
                }

                Add(MemberOf, m.Entity, state.Entity, m.First, "member-of.appositive", 0.75 * state.Confidence, quote: quote, structural: true);
                return;
            }
        }
    }

    // ---------- speech and attribution ----------

    private Mention? Speaker(int verb)
    {
        // The subject of a verb of saying, skipping an appositive: "Jane Roe, a former adviser to the ministry, told".
        var k = verb - 1;
        while (k >= 0 && _tokens[k].Lower is "also" or "recently" or "previously" or "later" or "has" or "have" or "had" or "publicly" or "openly" or "repeatedly" or "then" or "further")
        {
            k--;
        }

        if (k >= 0 && _tokens[k].Text == ")")
        {
            // "South Korea's National Intelligence Service (NIS) reported".
            while (k >= 0 && _tokens[k].Text != "(")
            {
                k--;
            }

            k--;
        }

        if (k >= 0 && _tokens[k].Text == ",")
        {
            var j = k - 1;
            while (j >= 0 && _tokens[j].Text != ",")
            {
                j--;
            }

            if (j > 0)
            {
                k = j - 1;
            }
        }

        if (k >= 0 && _at[k] is { } m && m.CanBeArgument && m.Entity.Kind is NodeKind.Official or NodeKind.Person or NodeKind.Agency or NodeKind.Organization or NodeKind.State)
        {
            return m;
        }

        return null;
    }

    private void FindSpeech()
    {
        for (var i = 0; i < _tokens.Count; i++)
        {
            var w = _tokens[i].Lower;
            if (w == "according" && i + 1 < _tokens.Count && _tokens[i + 1].Lower == "to")
            {
                var source = After(i + 2, e => e.Kind is not (NodeKind.Location or NodeKind.Treaty or NodeKind.Resolution or NodeKind.Conflict), 3);
                if (source is not null)
                {
                    SetSpeech(source, i, i == 0 || _tokens[i - 1].Text != "," ? source.Last : 0, i == 0 ? _tokens.Count : i, "according-to");
                }
            }
            else if ((w is "citing" || (w is "reported" or "noted" or "cited" && i > 0 && _tokens[i - 1].Lower is "as" or "by" or "," || w is "cited" && i + 1 < _tokens.Count && _tokens[i + 1].Lower == "by")) && i + 1 < _tokens.Count)
            {
                var by = _tokens[i + 1].Lower == "by" ? i + 2 : i + 1;
                var source = After(by, e => e.Kind is NodeKind.Agency or NodeKind.Organization or NodeKind.Official or NodeKind.Person, 4);
                if (source is not null && w != "citing")
                {
                    SetSpeech(source, i, 0, Speech?.How == "according-to" ? Speech.Verb : i, "as-reported-by");
                }
            }
            else if (Lexicon.Speech.Contains(w) && Speaker(i) is { } speaker)
            {
                var contentStart = i + 1;
                SetSpeech(speaker, i, contentStart, _tokens.Count, "said");
            }
        }
    }

    private void SetSpeech(Mention source, int verb, int contentStart, int contentEnd, string how)
    {
        var speech = new Speech(source.Entity, source, verb, contentStart, contentEnd, how);
        if (Speech is null)
        {
            Speech = speech;
            return;
        }

        // Two sources: the one that relays ("according to Yonhap") is outer; the one that said it is inner.
        if (how is "according-to" or "as-reported-by" && Speech.How == "said")
        {
            OuterSource = source.Entity;
        }
        else if (Speech.How is "according-to" or "as-reported-by" && how == "said")
        {
            OuterSource = Speech.Source;
            Speech = speech;
        }
        else if (Speech.How == "according-to" && how == "as-reported-by" && verb > Speech.Verb)
        {
            OuterSource = source.Entity;
        }
    }

    private void ReportedEdges()
    {
        if (Speech is not { } speech)
        {
            return;
        }

        var rule = GraphOntology.RuleFor(Reported);
        var content = _candidates.Where(c => !c.Structural && c.Trigger >= speech.ContentStart && c.Trigger < speech.ContentEnd).ToList();
        // What the statement is mainly about: the first state acting in it, other than the speaker's own.
        bool Own(Entity e) => e == speech.Source || speech.Source.Affiliations.Exists(a => a.Parent == e) || StateOf(speech.Source) == e;
        Entity? about = null;
        {
            foreach (var m in _mentions)
            {
                if (m.First >= speech.ContentStart && m.First < speech.ContentEnd && m.CanBeArgument && !IsQualifier(m) && m.Entity.Kind == NodeKind.Agency && StateOf(m.Entity) is { } agencyState && !Own(agencyState) && m.Entity != speech.Source)
                {
                    about = agencyState;
                    break;
                }

                if (m.First >= speech.ContentStart && m.First < speech.ContentEnd && m.CanBeArgument && !IsQualifier(m) && m.Entity.Kind == NodeKind.State)
                {
                    // "his country's support for Russia" is about Russia; "the US would work with Japan" is about the US's own plans.
                    if (Own(m.Entity) && m.Possessive)
                    {
                        continue;
                    }

                    about = Own(m.Entity) ? null : m.Entity;
                    break;
                }
            }
        }

        if (OuterSource is { } outer && rule.From.Contains(outer.Kind) && outer != speech.Source)
        {
            // "X reported ..., according to Y": Y reported X's statement; "according to X cited by Y": Y reported the same matter.
            if (speech.How == "said")
            {
                Add(Reported, outer, speech.Source, speech.Verb, "reported.relayed", 0.7);
            }
            else if (about is not null)
            {
                Add(Reported, outer, about, speech.Verb, "reported.relayed-matter", 0.6);
            }
        }

        if (about is not null && rule.From.Contains(speech.Source.Kind))
        {
            Add(Reported, speech.Source, about, speech.Verb, "reported." + speech.How, 0.7 * speech.Mention.Confidence, Dates.Read(_tokens, 0, _tokens.Count, _published, EdgeAttributes.None) is var d && d.ValidFrom is not null ? EdgeAttributes.None with { ValidFrom = d.ValidFrom } : null);
        }
    }
}

/// <summary>Who a sentence credits and which tokens are the credited content.</summary>
/// <param name="Source">The source actor.</param>
/// <param name="Mention">Where it is named.</param>
/// <param name="Verb">Index of the verb of saying (or of "according").</param>
/// <param name="ContentStart">First token of the credited content.</param>
/// <param name="ContentEnd">Token just after the credited content.</param>
/// <param name="How">Which frame: <c>said</c>, <c>according-to</c>, <c>as-reported-by</c>.</param>
public sealed record Speech(Entity Source, Mention Mention, int Verb, int ContentStart, int ContentEnd, string How);
