using Graph.GraphQL.Language;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Validation;

/// <summary>
/// One validation rule of the spec: a visitor over the document that reports errors to its
/// <see cref="ValidationContext"/>. A new instance is made for each validation, so rules may keep state.
/// </summary>
public abstract class ValidationRule
{
    protected ValidationRule(ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    protected ValidationContext Context { get; }

    /// <summary>Called on the way down, after the type info has entered the node. SkipChildren skips this rule only.</summary>
    public virtual VisitAction Enter(Node node) => VisitAction.Continue;

    /// <summary>Called on the way up, before the type info leaves the node.</summary>
    public virtual void Leave(Node node)
    {
    }
}

/// <summary>Makes a rule for one validation.</summary>
public delegate ValidationRule ValidationRuleFactory(ValidationContext context);
