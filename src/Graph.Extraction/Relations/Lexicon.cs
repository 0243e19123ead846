using System.Collections.Frozen;

namespace Graph.Extraction.Relations;

/// <summary>The trigger words of each relation family, stance cues and speech verbs.</summary>
public static class Lexicon
{
    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Sending personnel.</summary>
    public static readonly FrozenSet<string> Deploy = Set("send", "sends", "sent", "sending", "dispatch", "dispatches", "dispatched", "dispatching", "deploy", "deploys", "deployed", "deploying", "deployment", "provide", "provides", "provided", "providing", "station", "stationed", "transferred", "moved", "returned", "returning");

    /// <summary>Arriving personnel ("workers arriving in Russia").</summary>
    public static readonly FrozenSet<string> Arrive = Set("arrive", "arrives", "arrived", "arriving");

    /// <summary>Pulling personnel out.</summary>
    public static readonly FrozenSet<string> Withdraw = Set("withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal", "pulled", "pull", "pulls", "pulling", "retreat", "retreated", "retreating", "evacuated");

    /// <summary>Support.</summary>
    public static readonly FrozenSet<string> Support = Set("support", "supports", "supported", "supporting", "assist", "assists", "assisted", "assisting", "help", "helps", "helped", "helping", "bolster", "bolsters", "bolstered", "bolstering", "aid", "aided", "aiding", "backing", "backed", "backs", "assistance");

    /// <summary>Supplying goods.</summary>
    public static readonly FrozenSet<string> Supply = Set("supply", "supplies", "supplied", "supplying", "provide", "provides", "provided", "providing", "ship", "ships", "shipped", "shipping", "shipment", "shipments", "deliver", "delivers", "delivered", "delivering", "delivery", "deliveries", "sell", "sells", "sold", "selling", "export", "exports", "exported", "exporting", "transfer", "transfers", "transferred", "send", "sends", "sent", "sending");

    /// <summary>Buying goods from someone (the supplier follows "from").</summary>
    public static readonly FrozenSet<string> Import = Set("import", "imports", "imported", "importing", "buy", "buys", "bought", "buying", "purchase", "purchased", "acquire", "acquired", "obtain", "obtained");

    /// <summary>Weapons and munitions.</summary>
    public static readonly FrozenSet<string> Arms = Set("arms", "weapons", "weapon", "weaponry", "munitions", "ammunition", "missiles", "missile", "shells", "rounds", "artillery", "drones", "rockets", "tanks", "armaments", "ammo");

    /// <summary>Acting against a resolution or treaty.</summary>
    public static readonly FrozenSet<string> Violate = Set("violate", "violates", "violated", "violating", "violation", "violations", "breach", "breaches", "breached", "breaching", "flout", "flouts", "flouted", "flouting", "contravene", "contravenes", "contravened", "defy", "defies", "defied", "defying");

    /// <summary>Vetoing.</summary>
    public static readonly FrozenSet<string> Veto = Set("veto", "vetoes", "vetoed", "vetoing");

    /// <summary>Adopting a resolution.</summary>
    public static readonly FrozenSet<string> Adopt = Set("adopt", "adopts", "adopted", "adopting", "adoption", "passed", "approved", "approves", "approve");

    /// <summary>Ratifying.</summary>
    public static readonly FrozenSet<string> Ratify = Set("ratify", "ratifies", "ratified", "ratifying", "ratification");

    /// <summary>Signing.</summary>
    public static readonly FrozenSet<string> Sign = Set("sign", "signs", "signed", "signing");

    /// <summary>Alliance.</summary>
    public static readonly FrozenSet<string> Ally = Set("alliance", "allies", "ally", "allied");

    /// <summary>Invasion and war.</summary>
    public static readonly FrozenSet<string> War = Set("invasion", "invaded", "invade", "invades", "invading", "war", "conflict");

    /// <summary>Attacks.</summary>
    public static readonly FrozenSet<string> Attack = Set("attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck", "shelled", "shelling", "bombed", "bombing", "invaded", "invade", "invades", "invasion");

    /// <summary>Employing people of a state.</summary>
    public static readonly FrozenSet<string> Employ = Set("employ", "employs", "employed", "employing", "hire", "hires", "hired", "hiring", "recruit", "recruits", "recruited", "recruiting");

    /// <summary>Gifts.</summary>
    public static readonly FrozenSet<string> Gift = Set("gifted", "gift", "gifts", "gave", "presented");

    /// <summary>Meetings.</summary>
    public static readonly FrozenSet<string> Meet = Set("met", "meet", "meets", "meeting", "meetings", "talks", "summit");

    /// <summary>Visits.</summary>
    public static readonly FrozenSet<string> Visit = Set("visit", "visits", "visited", "visiting", "trip", "toured");

    /// <summary>Sanctions.</summary>
    public static readonly FrozenSet<string> Sanction = Set("sanction", "sanctions", "sanctioned", "sanctioning");

    /// <summary>What a resolution does to a state.</summary>
    public static readonly FrozenSet<string> Targeting = Set("prohibit", "prohibits", "prohibiting", "prohibited", "require", "requires", "required", "requiring", "ban", "bans", "banned", "banning", "bar", "bars", "barred", "barring", "restrict", "restricts", "restricting", "restricted", "target", "targets", "targeting", "targeted", "against", "imposed", "imposes", "imposing", "punish", "punishes", "punishing");

    /// <summary>Verbs of saying: the subject is the source of the clause that follows.</summary>
    public static readonly FrozenSet<string> Speech = Set(
        "said", "says", "say", "stated", "states", "told", "tells", "reported", "reports", "noted", "notes", "disclosed", "discloses",
        "estimated", "estimates", "indicated", "indicates", "believes", "believed", "suggested", "suggests", "claimed", "claims",
        "announced", "announces", "warned", "warns", "described", "describes", "added", "confirmed", "confirms", "denied", "denies",
        "emphasized", "emphasised", "stressed", "revealed", "reveals", "acknowledged", "argued", "argues", "insisted", "wrote",
        "alleged", "alleges", "accused", "accuses", "assessed", "concluded", "found", "observed", "explained", "reaffirmed", "asserted",
        "mentioned", "highlighted", "expressed", "anticipate", "anticipates", "predicted", "predicts", "expects", "expected",
        "note", "warn", "believe", "expect", "predict", "argue", "estimate", "suggest", "fear", "fears", "feared");

    /// <summary>Words that qualify a claim as uncertain.</summary>
    public static readonly FrozenSet<string> Hedges = Set(
        "reportedly", "allegedly", "alleged", "could", "would", "may", "might", "possibly", "possible", "likely", "probably",
        "believed", "believes", "suggest", "suggests", "suggested", "suggesting", "appear", "appears", "appeared", "appearing", "seem",
        "seems", "seemed", "anticipate", "anticipates", "considering", "consider", "expected", "apparently", "purportedly", "suspected",
        "unconfirmed", "if", "questions", "potential");

    /// <summary>Words that deny a claim.</summary>
    public static readonly FrozenSet<string> Denials = Set("denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes", "declined");

    /// <summary>Every word that may start a relation frame: one look-up lets most words pass untouched.</summary>
    public static readonly FrozenSet<string> AnyTrigger = Deploy.Concat(Arrive).Concat(Withdraw).Concat(Support).Concat(Supply).Concat(Import)
        .Concat(Violate).Concat(Veto).Concat(Adopt).Concat(Ratify).Concat(Sign).Concat(Ally).Concat(War).Concat(Attack).Concat(Employ)
        .Concat(Gift).Concat(Meet).Concat(Visit).Concat(Sanction).Concat(["voted", "interview", "told", "assistance", "aid"])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Forms of "be" that make a participle passive.</summary>
    public static readonly FrozenSet<string> Be = Set("is", "are", "was", "were", "be", "been", "being");
}
