using System.Globalization;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Reads chunk rows from CSV (plain, <c>.gz</c> or <c>.zst</c>) with a header naming the columns
/// (<see cref="ChunkColumns"/>, any order): RFC 4180 quoting with line breaks inside quoted cells, list and
/// struct columns as JSON in the cell. In a nullable column an empty cell is null and <c>""</c> an empty
/// string. Malformed quoting and a wrong number of cells are located format errors (line and column).
/// Unknown columns are kept as <see cref="ChunkRecord.ExtraFields"/> holding JSON strings.
/// </summary>
internal sealed class CsvChunkReader : CsvRecordReader<ChunkRecord>
{
    private static readonly string[] Required = [ChunkColumns.Doi, ChunkColumns.ChunkId, ChunkColumns.Chunk];

    private ChunkFields _absent;

    /// <summary>Opens a <c>.csv</c>, <c>.csv.gz</c> or <c>.csv.zst</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    public CsvChunkReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads CSV from a stream (gzip or zstd detected when it can seek); disposed with the reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public CsvChunkReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override IReadOnlyList<string> KnownColumns => ChunkColumns.All;

    private protected override IReadOnlyList<string> RequiredColumns => Required;

    private protected override void HeaderRead()
    {
        foreach (var name in ChunkColumns.All)
        {
            if (!Has(name))
            {
                _absent |= ChunkColumns.FieldOf(name);
            }
        }
    }

    private protected override ChunkRecord? Parse()
    {
        string? badField = null;
        string? reason = null;
        long chunkId = 0;
        var idText = Csv.GetString(IndexOf(ChunkColumns.ChunkId));
        if (!long.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chunkId))
        {
            (badField, reason) = (ChunkColumns.ChunkId, $"expected an integer, found \"{MessageText.Excerpt(idText)}\"");
        }

        var authors = List(ChunkColumns.Authors, ref badField, ref reason);
        var categories = List(ChunkColumns.Categories, ref badField, ref reason);
        PaperReference[]? references = [];
        if (Has(ChunkColumns.References))
        {
            references = CsvCells.ParseReferences(Span(ChunkColumns.References), out var error);
            if (references is null && badField is null)
            {
                (badField, reason) = (ChunkColumns.References, error);
            }
        }

        if (badField is not null)
        {
            return BadCell(badField, reason!);
        }

        return new ChunkRecord
        {
            Doi = Text(ChunkColumns.Doi) ?? "",
            ChunkId = chunkId,
            Chunk = Text(ChunkColumns.Chunk) ?? "",
            Id = Text(ChunkColumns.Id) ?? "",
            Title = Text(ChunkColumns.Title) ?? "",
            Summary = Text(ChunkColumns.Summary) ?? "",
            Source = Text(ChunkColumns.Source) ?? "",
            Authors = authors ?? [],
            Categories = categories ?? [],
            Comment = Text(ChunkColumns.Comment),
            JournalRef = Text(ChunkColumns.JournalRef),
            PrimaryCategory = Text(ChunkColumns.PrimaryCategory) ?? "",
            Published = Text(ChunkColumns.Published),
            Updated = Text(ChunkColumns.Updated),
            References = references ?? [],
            AbsentFields = _absent,
            ExtraFields = Extras(),
        };
    }

    private string[]? List(string name, ref string? badField, ref string? reason)
    {
        if (!Has(name))
        {
            return [];
        }

        var items = CsvCells.ParseStrings(Span(name), out var error);
        if (items is null && badField is null)
        {
            (badField, reason) = (name, error);
        }

        return items;
    }

    private ExtraField[] Extras()
    {
        if (ExtraColumns.Count == 0)
        {
            return [];
        }

        var extras = new ExtraField[ExtraColumns.Count];
        for (var i = 0; i < extras.Length; i++)
        {
            extras[i] = new ExtraField(ExtraColumns[i].Name, System.Text.Json.JsonSerializer.Serialize(Csv.GetString(ExtraColumns[i].Index)));
        }

        return extras;
    }
}
