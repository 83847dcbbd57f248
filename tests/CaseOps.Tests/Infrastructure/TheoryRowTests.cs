using System.Reflection;
using Xunit;
using Xunit.Sdk;

namespace CaseOps.Tests.Infrastructure;

/// <summary>
/// Every row of every data theory (inline, member or class data) must be a test case of its own. xunit makes one test case of a
/// theory whose data it cannot serialize, and the test platform then reports only its first row as a
/// test: the other rows run between tests, where mutation testing's per-test coverage cannot see them
/// and sends every mutant they touch against the whole suite (docs/performance.md, "Mutation testing").
/// </summary>
public sealed class TheoryRowTests
{
    public static TheoryData<string> DataTheories()
    {
        var data = new TheoryData<string>();
        foreach (var method in TheoryMethods())
            data.Add(NameOf(method));
        return data;
    }

    [Theory]
    [MemberData(nameof(DataTheories))]
    public void Each_row_of_the_theory_is_a_separate_test_case(string theory)
    {
        var method = TheoryMethods().Single(m => NameOf(m) == theory);
        var rows = method.GetCustomAttributes<DataAttribute>().SelectMany(a => a.GetData(method))
            .Select(row => row ?? new object?[] { null }) // [InlineData(null)] is one null argument
            .ToList();

        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var unserializable = row.Where(value => !SerializationHelper.IsSerializable(value)).Select(value => value?.GetType().Name).ToList();
            Assert.True(unserializable.Count == 0, $"{theory}: xunit cannot serialize {string.Join(", ", unserializable)}; pass plain values (a name, JSON text) and look the rest up in the test.");
        }
        var texts = rows.Select(row => string.Join("|", row.Select(value => value == null ? "(null)" : SerializationHelper.Serialize(value)))).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    private static IEnumerable<MethodInfo> TheoryMethods() =>
        typeof(TheoryRowTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttributes<DataAttribute>().Any())
            .OrderBy(NameOf, StringComparer.Ordinal);

    private static string NameOf(MethodInfo method) => method.DeclaringType!.Name + "." + method.Name;
}
