using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Reads SciTLDR rows from CSV (plain, <c>.gz</c> or <c>.zst</c>) with a header naming at least <c>source</c>,
/// <c>paper_id</c> and <c>target</c>, as <see cref="CsvSummarizationWriter"/> writes them. The first row's
/// <c>source</c> cell fixes the file's shape: a JSON list of sentences is the list shape (every row's
/// <c>source</c> and <c>target</c> must then be JSON lists), anything else the flattened shape (cells taken as
/// text). Other columns become <see cref="SummarizationRecord.ExtraFields"/> (<see cref="CsvCells.ExtraJson"/>);
/// an empty cell there means the row lacks the field.
/// </summary>
internal sealed class CsvSummarizationReader : CsvRecordReader<SummarizationRecord>
{
    private static readonly string[] Required = [SummarizationColumns.Source, SummarizationColumns.PaperId, SummarizationColumns.Target];

    private SummarizationShape? _shape;

    /// <summary>Opens a <c>.csv</c>, <c>.csv.gz</c> or <c>.csv.zst</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened or its compression is not what its name says.</exception>
    public CsvSummarizationReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads CSV from a stream (gzip or zstd detected when it can seek); disposed with the reader.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public CsvSummarizationReader(Stream stream, ReaderOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override IReadOnlyList<string> KnownColumns => SummarizationColumns.All;

    private protected override IReadOnlyList<string> RequiredColumns => Required;

    private protected override SummarizationRecord? Parse()
    {
        var shape = _shape ??= CsvCells.IsStringList(Span(SummarizationColumns.Source)) ? SummarizationShape.List : SummarizationShape.Flattened;
        string? reason = null;
        if (Sentences(SummarizationColumns.Source, shape, ref reason) is not { } source)
        {
            return BadCell(SummarizationColumns.Source, reason!);
        }

        if (Sentences(SummarizationColumns.Target, shape, ref reason) is not { } target)
        {
            return BadCell(SummarizationColumns.Target, reason!);
        }

        if (CsvCells.ParseIntegers(Span(SummarizationColumns.SourceLabels), out reason) is not { } labels)
        {
            return BadCell(SummarizationColumns.SourceLabels, reason!);
        }

        double[]? scores = null;
        if (Text(SummarizationColumns.RougeScores) is not null
            && (scores = CsvCells.ParseDoubles(Span(SummarizationColumns.RougeScores), out reason)) is null)
        {
            return BadCell(SummarizationColumns.RougeScores, reason!);
        }

        return new SummarizationRecord
        {
            Source = source,
            SourceLabels = labels,
            RougeScores = scores,
            PaperId = Text(SummarizationColumns.PaperId) ?? "",
            Title = Text(SummarizationColumns.Title),
            Target = target,
            Shape = shape,
            ExtraFields = Extras(),
        };
    }

    private string[]? Sentences(string name, SummarizationShape shape, ref string? reason)
    {
        if (shape == SummarizationShape.Flattened)
        {
            return [Text(name) ?? ""];
        }

        var cell = Span(name);
        if (!cell.IsEmpty && cell[0] != (byte)'[')
        {
            reason = "expected a JSON list of strings as in the first row (its source made this file the list shape), found text";
            return null;
        }

        var sentences = CsvCells.ParseStrings(cell, out reason);
        return sentences;
    }

    private ExtraField[] Extras()
    {
        if (ExtraColumns.Count == 0)
        {
            return [];
        }

        var extras = new List<ExtraField>(ExtraColumns.Count);
        foreach (var (name, index) in ExtraColumns)
        {
            if (Text(index) is { } cell)
            {
                extras.Add(new ExtraField(name, CsvCells.ExtraJson(cell)));
            }
        }

        return [.. extras];
    }
}
