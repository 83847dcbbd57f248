using CaseOps.Http;
using CaseOps.Incydr.Models;
using CaseOps.Zammad.Models;
using Xunit;

namespace CaseOps.Tests.Http;

/// <summary>The strict reader on its own (docs/architecture.md, "Output types"): what it refuses, and that it keeps unknown keys.</summary>
public sealed class StrictJsonTests
{
    private const string Case = "{\"number\":3,\"name\":\"USB\",\"status\":\"OPEN\",\"createdAt\":\"2025-03-04T09:15:27.481920Z\",\"updatedAt\":\"2025-03-04T09:15:27.481920Z\"";

    private static InvalidAnswerException Refused<T>(string json) =>
        Assert.Throws<InvalidAnswerException>(() => StrictJson.Check(StrictJson.Parse(json), typeof(T)));

    [Fact]
    public void A_whole_answer_passes_and_unknown_keys_are_kept()
    {
        var read = StrictJson.Convert<Case>(StrictJson.Parse(Case + ",\"riskLevel\":\"HIGH\",\"assignee\":null}"));

        Assert.Equal(3, read.Number);
        Assert.Equal("HIGH", read.GetAdditionalProperties()["riskLevel"]);
    }

    [Theory]
    [InlineData(",\"NUMBER\":7}", "NUMBER", "letter case")]
    [InlineData(",\"riskLevel\":1,\"RISKLEVEL\":2}", "RISKLEVEL", "letter case")]
    [InlineData(",\"\":1}", "['']", "empty key")]
    [InlineData(",\"archivalTime\":5}", "archivalTime", "a timestamp")]
    [InlineData(",\"subject\":12}", "subject", "a string")]
    [InlineData(",\"description\":{\"a\":1}}", "description", "an object where a string")]
    public void Refuses_keys_and_types_that_do_not_fit(string tail, string member, string problem)
    {
        var refused = Refused<Case>(Case + tail);

        Assert.Equal(member, refused.Member);
        Assert.Contains(problem, refused.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "fraction")]
    [InlineData("2.0", "fraction")]
    [InlineData("\"3\"", "the string \"3\" where an integer")]
    [InlineData("true", "true where an integer")]
    [InlineData("92233720368547758070", "out of range")]
    [InlineData("null", "is null")]
    public void Refuses_anything_but_a_whole_number_where_an_integer_is_declared(string number, string problem)
    {
        var refused = Refused<Case>(Case.Replace("\"number\":3", "\"number\":" + number, StringComparison.Ordinal) + "}");

        Assert.Equal("number", refused.Member);
        Assert.Contains(problem, refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_required_member_and_a_null_list_element_and_a_wrong_root()
    {
        Assert.Equal("name", Refused<Case>("{\"number\":3,\"status\":\"OPEN\",\"createdAt\":\"2025-03-04T09:15:27Z\",\"updatedAt\":\"2025-03-04T09:15:27Z\"}").Member);
        Assert.Equal("[1]", Refused<List<Tag>>("[{\"id\":1,\"name\":\"a\"},null]").Member);
        Assert.Equal("(root)", Refused<Ticket>("[]").Member);
        Assert.Equal("(root)", Refused<List<Tag>>("{}").Member);
    }

    [Fact]
    public void Refuses_a_repeated_key_and_text_after_the_value()
    {
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => StrictJson.Parse("{\"a\":1,\"a\":2}"));
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => StrictJson.Parse("{} {}"));
    }

    [Fact]
    public void An_answer_about_another_id_is_refused()
    {
        var refused = Assert.Throws<InvalidAnswerException>(() => StrictJson.SameId("id", 5L, 6L));

        Assert.Equal("id", refused.Member);
        Assert.Contains("is 6, but 5 was asked for", refused.Problem, StringComparison.Ordinal);
    }
}
