namespace Graph.GraphQL.Language;

/// <summary>The lexical token kinds of the spec's Lexical Tokens section (comments are skipped, never returned).</summary>
public enum TokenKind : byte
{
    StartOfFile,
    EndOfFile,
    Bang,
    Dollar,
    Amp,
    ParenL,
    ParenR,
    Spread,
    Colon,
    Equals,
    At,
    BracketL,
    BracketR,
    BraceL,
    Pipe,
    BraceR,
    Name,
    Int,
    Float,
    String,
    BlockString,
}

/// <summary>How token kinds read in error messages, as graphql-js writes them.</summary>
public static class TokenKindExtensions
{
    private static readonly string[] s_descriptions =
    [
        "<SOF>", "<EOF>", "\"!\"", "\"$\"", "\"&\"", "\"(\"", "\")\"", "\"...\"", "\":\"", "\"=\"", "\"@\"", "\"[\"", "\"]\"",
        "\"{\"", "\"|\"", "\"}\"", "Name", "Int", "Float", "String", "BlockString",
    ];

    /// <summary>Punctuators quoted (<c>"}"</c>), others by name (<c>Name</c>, <c>&lt;EOF&gt;</c>).</summary>
    public static string Describe(this TokenKind kind) => s_descriptions[(int)kind];

    /// <summary>True for the single-character and spread punctuators.</summary>
    public static bool IsPunctuator(this TokenKind kind) => kind >= TokenKind.Bang && kind <= TokenKind.BraceR;
}
