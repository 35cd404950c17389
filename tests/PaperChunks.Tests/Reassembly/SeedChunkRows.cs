using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperChunks.Records;

namespace PaperChunks.Tests.Reassembly;

/// <summary>
/// Minimal readers for the chunk rows of seeds 000 (viewer lines) and 001 (pipe table), enough to feed
/// the reassembler until the library's viewer readers land. Seed 000: a 58-line header, then 15 lines
/// per row in column order. Seed 001: rows start with <c>doi | chunk-id | </c> at a line start and the
/// chunk cell ends at <c> | doi#chunk-id | </c>; the summary ends at <c> | http://arxiv.org/pdf/doi | </c>.
/// </summary>
internal static partial class SeedChunkRows
{
    public static IReadOnlyList<ChunkRecord> ViewerLines()
    {
        var lines = SeedFiles.Text(SeedFiles.ChunkLines).Split('\n');
        var rows = new List<ChunkRecord>();
        for (var i = 58; i + 15 <= lines.Length; i += 15)
        {
            var cells = lines[i..(i + 15)];
            rows.Add(Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7..]));
        }

        return rows;
    }

    public static IReadOnlyList<ChunkRecord> PipeTable()
    {
        var text = SeedFiles.Text(SeedFiles.ChunkTable);
        var rows = new List<ChunkRecord>();
        foreach (Match m in RowStart().Matches(text))
        {
            var doi = m.Groups[1].Value;
            var chunkId = m.Groups[2].Value;
            var idCell = $" | {doi}#{chunkId} | ";
            var chunkEnd = text.IndexOf(idCell, m.Index + m.Length, StringComparison.Ordinal);
            var titleStart = chunkEnd + idCell.Length;
            var titleEnd = text.IndexOf(" | ", titleStart, StringComparison.Ordinal);
            var sourceCell = $" | http://arxiv.org/pdf/{doi} | ";
            var summaryEnd = text.IndexOf(sourceCell, titleEnd, StringComparison.Ordinal);
            var restStart = summaryEnd + sourceCell.Length;
            var rest = text[restStart..text.IndexOf(" |\n", restStart, StringComparison.Ordinal)].Split(" | ");
            rows.Add(Row(
                doi, chunkId, text[(m.Index + m.Length)..chunkEnd], $"{doi}#{chunkId}", text[titleStart..titleEnd],
                text[(titleEnd + 3)..summaryEnd], $"http://arxiv.org/pdf/{doi}", rest));
        }

        return rows;
    }

    private static ChunkRecord Row(
        string doi, string chunkId, string chunk, string id, string title, string summary, string source, string[] rest) => new()
    {
        Doi = doi,
        ChunkId = long.Parse(chunkId, CultureInfo.InvariantCulture),
        Chunk = chunk,
        Id = id,
        Title = title,
        Summary = summary,
        Source = source,
        Authors = rest[0].Split(", "),
        Categories = rest[1].Split(", "),
        Comment = NullWord(rest[2]),
        JournalRef = NullWord(rest[3]),
        PrimaryCategory = rest[4],
        Published = rest[5],
        Updated = rest[6],
        References = JsonDocument.Parse(rest[7]).RootElement.EnumerateArray()
            .Select(e => new PaperReference(e.GetProperty("id").GetString()!)).ToArray(),
    };

    private static string? NullWord(string cell) => cell == "null" ? null : cell;

    [GeneratedRegex(@"(?m)^(\d{4}\.\d{4,5}) \| (\d+) \| ")]
    private static partial Regex RowStart();
}
