using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Writes SciTLDR rows as CSV: the six <see cref="SummarizationColumns"/> in canonical order, then the first
/// record's <see cref="SummarizationRecord.ExtraFields"/> by name (<see cref="CsvCells.ExtraCell"/>). In the list
/// shape <c>source</c> and <c>target</c> are JSON lists of sentences; in the flattened shape each is its text.
/// <c>source_labels</c> and <c>rouge_scores</c> are JSON lists; an absent <c>rouge_scores</c> or <c>title</c> is
/// an empty cell. <see cref="CsvSummarizationReader"/> reads back the same records.
/// </summary>
internal sealed class CsvSummarizationWriter : CsvRecordWriter<SummarizationRecord>
{
    private readonly SummarizationShape _shape;
    private string[] _extras = [];

    /// <summary>Writes to a file through a temporary file beside it; <c>.gz</c> / <c>.zst</c> compress.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="shape">List shape (JSON lists of sentences) or flattened (one text each).</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public CsvSummarizationWriter(string path, SummarizationShape shape = SummarizationShape.List, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
        : base(path, csvOptions, options) => _shape = shape;

    /// <summary>Writes to a stream, which stays open; compression only if the options ask for it.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="shape">List shape (JSON lists of sentences) or flattened (one text each).</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public CsvSummarizationWriter(Stream stream, SummarizationShape shape = SummarizationShape.List, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
        : base(stream, csvOptions, options) => _shape = shape;

    private protected override IReadOnlyList<string> HeaderFor(SummarizationRecord? first)
    {
        if (first is null)
        {
            return SummarizationColumns.All;
        }

        // The reader tells the shape from the first row's source cell: a flattened text that reads as a JSON
        // list of sentences would come back as the list shape, so it is refused rather than changed.
        if (_shape == SummarizationShape.Flattened && CsvCells.IsStringList(System.Text.Encoding.UTF8.GetBytes(first.SourceText)))
        {
            throw Unwritable(SummarizationColumns.Source, "the flattened text reads as a JSON list of sentences, so the file would read back in the list shape; write the list shape");
        }

        _extras = first.ExtraFields.Select(f => f.Name).ToArray();
        return [.. SummarizationColumns.All, .. _extras];
    }

    private protected override void WriteCells(SummarizationRecord record)
    {
        var extras = Extras(record);
        Sentences(record.Source, record.SourceText);
        Csv.WriteField(CsvCells.Integers(Json, record.SourceLabels));
        if (record.RougeScores is { } scores)
        {
            Csv.WriteField(CsvCells.Numbers(Json, scores));
        }
        else
        {
            Csv.WriteField((string?)null);
        }

        Text(record.PaperId);
        Text(record.Title);
        Sentences(record.Target, record.TargetText);
        foreach (var cell in extras)
        {
            Text(cell);
        }
    }

    // Checked before any cell is written, so a refused record leaves no part of a row behind.
    private string?[] Extras(SummarizationRecord record)
    {
        var cells = new string?[_extras.Length];
        foreach (var field in record.ExtraFields)
        {
            var index = Array.IndexOf(_extras, field.Name);
            if (index < 0)
            {
                throw Unwritable(field.Name, "not a column of the header, which the first record's fields fixed");
            }

            cells[index] = CsvCells.ExtraCell(field.Json);
        }

        return cells;
    }

    private void Sentences(IReadOnlyList<string> list, string joined)
    {
        if (_shape == SummarizationShape.Flattened)
        {
            Text(joined);
        }
        else
        {
            Csv.WriteField(CsvCells.Strings(Json, list));
        }
    }
}
