using System.Collections;
using System.Reflection;
using Graph.GraphQL.Language.Ast;

namespace Graph.GraphQL.Tests.Language;

/// <summary>Structural comparison of syntax trees (ignoring locations), for round-trip tests.</summary>
internal static class AstAssert
{
    public static void Equal(Node expected, Node actual) => Compare(expected, actual, expected.Kind.ToString());

    private static void Compare(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{path}: one side is null ({expected ?? "null"} vs {actual ?? "null"})");
            return;
        }

        Assert.True(expected.GetType() == actual.GetType(), $"{path}: {expected.GetType().Name} vs {actual.GetType().Name}");
        switch (expected)
        {
            case string or bool or int or Enum:
                Assert.True(expected.Equals(actual), $"{path}: '{expected}' vs '{actual}'");
                return;
            case Node:
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.Name is "Location" or "Kind" || property.GetIndexParameters().Length > 0)
                    {
                        continue;
                    }

                    Compare(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
                }

                return;
            case IList list:
                var other = (IList)actual;
                Assert.True(list.Count == other.Count, $"{path}: {list.Count} items vs {other.Count}");
                for (var i = 0; i < list.Count; i++)
                {
                    Compare(list[i], other[i], $"{path}[{i}]");
                }

                return;
            default:
                Assert.Fail($"{path}: cannot compare {expected.GetType().Name}");
                return;
        }
    }
}
