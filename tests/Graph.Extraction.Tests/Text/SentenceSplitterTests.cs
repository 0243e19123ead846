using Graph.Extraction.Text;

namespace Graph.Extraction.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Of(text))];

    [Fact]
    public void Abbreviations_and_initials_do_not_end_a_sentence()
    {
        var text = "Mr. Jones met U.S. envoys in Jan. 2024 with Gen. A. Smith. The talks ended.";
        Assert.Equal(["Mr. Jones met U.S. envoys in Jan. 2024 with Gen. A. Smith.", "The talks ended."], Sentences(text));
    }

    [Fact]
    public void Dotted_country_forms_inside_words_stay_in_the_sentence()
    {
        var text = "Talks on N.Korea stalled. Seoul said so.";
        Assert.Equal(["Talks on N.Korea stalled.", "Seoul said so."], Sentences(text));
    }

    [Fact]
    public void A_single_line_break_stays_inside_a_sentence_and_a_blank_line_ends_one()
    {
        var text = "Headline without a stop\n\nThe ministry said the\nconvoy left. It returned.";
        Assert.Equal(["Headline without a stop", "The ministry said the\nconvoy left.", "It returned."], Sentences(text));
    }

    [Fact]
    public void Closing_quotes_belong_to_the_sentence_they_close()
    {
        var text = "He said \"we will win.\" Officials disagreed.";
        Assert.Equal(["He said \"we will win.\"", "Officials disagreed."], Sentences(text));
    }

    [Fact]
    public void Spans_index_the_original_text()
    {
        var text = "  First one.  Second one!  ";
        foreach (var span in SentenceSplitter.Split(text))
        {
            Assert.Equal(span.Of(text), text.Substring(span.Start, span.End - span.Start));
            Assert.False(char.IsWhiteSpace(text[span.Start]));
        }

        Assert.Equal(2, SentenceSplitter.Split(text).Count);
    }
}
