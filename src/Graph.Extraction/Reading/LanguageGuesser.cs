using System.Globalization;

namespace Graph.Extraction.Reading;

/// <summary>
/// A document's language when it does not say: the writing system first (Hangul, kana, Han, Arabic...), then, for
/// Latin and Cyrillic text, which language's commonest words it uses most. Enough to route a document, not a classifier.
/// </summary>
internal static class LanguageGuesser
{
    private static readonly (string Language, HashSet<string> Words)[] _profiles =
    [
        ("en", Words("the of and to in is that for it was on with as by at from are be this have has had not but which were said its their an")),
        ("fr", Words("le la les de des du et est une un que qui dans pour pas sur au aux avec ce cette il elle sont ont été par plus")),
        ("de", Words("der die das und ist nicht mit den dem des ein eine zu von sich auf für im auch wird wurde sind hat als bei")),
        ("es", Words("el la los las de del y que en un una es por con para se no al lo como su sus fue ha más pero")),
        ("it", Words("il lo la gli le di del della e che è un una per non con sono nel alla dei delle anche ha come più")),
        ("pt", Words("o a os as de do da dos das e que em um uma é para com não no na se por mais foi ao pelo pela")),
        ("nl", Words("de het een en van in is dat op te zijn met voor niet aan er ook als bij door werd heeft naar")),
        ("ru", Words("и в не на что с по как это он она они из за от для был была было к но же также его ее их")),
        ("uk", Words("і в не на що з по як це він вона вони із за від для був була було до але також його її їх")),
    ];

    /// <summary>A language tag, or null when the text is too short or too mixed to tell.</summary>
    public static string? Guess(string text)
    {
        var sample = text.Length > 20_000 ? text[..20_000] : text;
        int letters = 0, hangul = 0, kana = 0, han = 0, arabic = 0, hebrew = 0, greek = 0, thai = 0, devanagari = 0, cyrillic = 0;
        foreach (var c in sample)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            letters++;
            switch (c)
            {
                case >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F': hangul++; break;
                case >= '\u3040' and <= '\u30FF': kana++; break;
                case >= '\u4E00' and <= '\u9FFF': han++; break;
                case >= '\u0600' and <= '\u06FF': arabic++; break;
                case >= '\u0590' and <= '\u05FF': hebrew++; break;
                case >= '\u0370' and <= '\u03FF': greek++; break;
                case >= '\u0E00' and <= '\u0E7F': thai++; break;
                case >= '\u0900' and <= '\u097F': devanagari++; break;
                case >= '\u0400' and <= '\u04FF': cyrillic++; break;
            }
        }

        if (letters < 20)
        {
            return null;
        }

        double Share(int count) => (double)count / letters;
        if (Share(hangul) > 0.3)
        {
            return "ko";
        }

        if (Share(kana) > 0.1)
        {
            return "ja";
        }

        if (Share(han) > 0.3)
        {
            return "zh";
        }

        foreach (var (count, language) in new[] { (arabic, "ar"), (hebrew, "he"), (greek, "el"), (thai, "th"), (devanagari, "hi") })
        {
            if (Share(count) > 0.3)
            {
                return language;
            }
        }

        return ByCommonWords(sample, cyrillicScript: Share(cyrillic) > 0.3);
    }

    private static string? ByCommonWords(string sample, bool cyrillicScript)
    {
        var counts = new int[_profiles.Length];
        var words = 0;
        foreach (var word in sample.Split((char[])[' ', '\n', '\t', '.', ',', ';', ':', '!', '?', '"', '(', ')', '«', '»', '“', '”', '\''], StringSplitOptions.RemoveEmptyEntries))
        {
            words++;
            var lower = word.ToLower(CultureInfo.InvariantCulture);
            for (var i = 0; i < _profiles.Length; i++)
            {
                counts[i] += _profiles[i].Words.Contains(lower) ? 1 : 0;
            }
        }

        var best = -1;
        for (var i = 0; i < _profiles.Length; i++)
        {
            var isCyrillic = _profiles[i].Language is "ru" or "uk";
            if (isCyrillic == cyrillicScript && (best < 0 || counts[i] > counts[best]))
            {
                best = i;
            }
        }

        // Function words make up a third or more of running text; a tenth rules out lists of names and numbers.
        return best >= 0 && words >= 5 && counts[best] >= Math.Max(2, words / 10) ? _profiles[best].Language : null;
    }

    private static HashSet<string> Words(string list) => [.. list.Split(' ')];
}
