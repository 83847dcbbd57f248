using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CaseOps.Incydr.Models;
using CaseOps.Zammad.Models;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CaseOps.Benchmarks.Listings;

/// <summary>
/// What a script without CaseOps would do: HttpClient and Newtonsoft.Json reading the same pages into
/// the same model types, one page after another, or (the floor) page 1 and then every other page at once.
/// </summary>
internal sealed class PlainClient : IDisposable
{
    private readonly HttpClient _incydr;
    private readonly HttpClient _zammad;

    private PlainClient(HttpClient incydr, HttpClient zammad)
    {
        _incydr = incydr;
        _zammad = zammad;
    }

    public static async Task<PlainClient> CreateAsync(EmulatorProcess emulator)
    {
        var incydr = new HttpClient { BaseAddress = emulator.BaseUri };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.ClientId + ":" + emulator.ClientSecret));
        using (var request = new HttpRequestMessage(HttpMethod.Post, "v1/oauth") { Content = new StringContent(string.Empty) })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
            using var answer = await incydr.SendAsync(request);
            answer.EnsureSuccessStatusCode();
            var token = (string)JObject.Parse(await answer.Content.ReadAsStringAsync())["access_token"]!;
            incydr.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var zammad = new HttpClient { BaseAddress = emulator.ZammadUri };
        zammad.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token token=" + emulator.ZammadToken);
        return new PlainClient(incydr, zammad);
    }

    /// <summary>One request for the first page of cases: the round trip everything else is measured in.</summary>
    public async Task CasePageAsync(int pageSize) => await CasesAsync(1, pageSize);

    public async Task TicketPageAsync(int pageSize) => await TicketsAsync(1, pageSize);

    public async Task<List<Case>> CasesOneAfterAnotherAsync(int pageSize)
    {
        var all = new List<Case>();
        for (var page = 1; ; page++)
        {
            var cases = await CasesAsync(page, pageSize);
            all.AddRange(cases.Cases);
            if (cases.Cases.Count < pageSize || all.Count >= cases.TotalCount)
                return all;
        }
    }

    public async Task<List<Case>> CasesFloorAsync(int pageSize)
    {
        var first = await CasesAsync(1, pageSize);
        var pages = (int)Math.Ceiling(first.TotalCount / (double)pageSize);
        var rest = await Task.WhenAll(Enumerable.Range(2, Math.Max(0, pages - 1)).Select(page => CasesAsync(page, pageSize)));
        return first.Cases.Concat(rest.SelectMany(p => p.Cases)).ToList();
    }

    public async Task<List<Ticket>> TicketsOneAfterAnotherAsync(int pageSize)
    {
        var all = new List<Ticket>();
        for (var page = 1; ; page++)
        {
            var tickets = await TicketsAsync(page, pageSize);
            all.AddRange(tickets);
            if (tickets.Count < pageSize)
                return all;
        }
    }

    /// <summary>Zammad says no total: the floor is told how many pages there are, which no real client knows.</summary>
    public async Task<List<Ticket>> TicketsFloorAsync(int pageSize, int pages)
    {
        var first = await TicketsAsync(1, pageSize);
        var rest = await Task.WhenAll(Enumerable.Range(2, Math.Max(0, pages - 1)).Select(page => TicketsAsync(page, pageSize)));
        return first.Concat(rest.SelectMany(p => p)).ToList();
    }

    private async Task<CasesPage> CasesAsync(int page, int pageSize) =>
        JsonConvert.DeserializeObject<CasesPage>(await _incydr.GetStringAsync(string.Format(CultureInfo.InvariantCulture, "v1/cases?pgNum={0}&pgSize={1}&srtKey=number&srtDir=asc", page, pageSize)))!;

    private async Task<List<Ticket>> TicketsAsync(int page, int pageSize) =>
        JsonConvert.DeserializeObject<List<Ticket>>(await _zammad.GetStringAsync(string.Format(CultureInfo.InvariantCulture, "tickets?page={0}&per_page={1}", page, pageSize)))!;

    public void Dispose()
    {
        _incydr.Dispose();
        _zammad.Dispose();
    }

    private sealed class CasesPage
    {
        [JsonProperty("cases")] public List<Case> Cases { get; set; } = new();

        [JsonProperty("totalCount")] public long TotalCount { get; set; }
    }
}
