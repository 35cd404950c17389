using Parquet;
using Parquet.Schema;
using PaperChunks.Records;

namespace PaperChunks.Formats.Parquet;

/// <summary>
/// Reads SciTLDR summarization rows from Parquet in either shape: <c>source</c> / <c>target</c> as lists of
/// sentences (<see cref="SummarizationShape.List"/>) or as one string each (<see cref="SummarizationShape.Flattened"/>),
/// told from the schema. <c>paper_id</c>, <c>source</c> and <c>target</c> must exist; a missing or null
/// <c>rouge_scores</c> reads as <see langword="null"/>, a missing <c>source_labels</c> as empty.
/// </summary>
internal sealed class ParquetSummarizationReader : ParquetRecordReader<SummarizationRecord>
{
    private readonly List<string?> _texts = [];
    private readonly List<double> _numbers = [];
    private TextColumnCursor? _source;
    private TextColumnCursor? _target;
    private TextColumnCursor? _paperId;
    private TextColumnCursor? _title;
    private NumberColumnCursor? _labels;
    private NumberColumnCursor? _rouge;
    private SummarizationShape _shape;

    /// <summary>Opens a Parquet file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reader settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksFormatException">The file cannot be opened.</exception>
    public ParquetSummarizationReader(string path, ReaderOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Reads from a readable, seekable stream the caller owns (it is left open).</summary>
    /// <param name="input">The Parquet data.</param>
    /// <param name="options">Reader settings; <see cref="ReaderOptions.SourceName"/> names the stream in errors.</param>
    public ParquetSummarizationReader(Stream input, ReaderOptions? options = null)
        : base(input, options)
    {
    }

    private protected override void ReleaseColumns()
    {
        foreach (var cursor in (IDisposable?[])[_source, _target, _paperId, _title, _labels, _rouge])
        {
            cursor?.Dispose();
        }
    }

    private protected override void Bind(ParquetSchema schema)
    {
        var fields = schema.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Field Required(string name) => fields.TryGetValue(name, out var field) ? field : throw FormatError(0, 0, name, "expected this column, found none");

        var source = Required(SummarizationColumns.Source);
        _shape = source is ListField ? SummarizationShape.List : SummarizationShape.Flattened;
        _source = Text(SummarizationColumns.Source, source, _shape == SummarizationShape.List);
        _target = Text(SummarizationColumns.Target, Required(SummarizationColumns.Target), _shape == SummarizationShape.List);
        _paperId = Text(SummarizationColumns.PaperId, Required(SummarizationColumns.PaperId), list: false);
        _title = fields.TryGetValue(SummarizationColumns.Title, out var title) ? Text(SummarizationColumns.Title, title, list: false) : null;
        _labels = fields.TryGetValue(SummarizationColumns.SourceLabels, out var labels) ? Numbers(SummarizationColumns.SourceLabels, labels) : null;
        _rouge = fields.TryGetValue(SummarizationColumns.RougeScores, out var rouge) ? Numbers(SummarizationColumns.RougeScores, rouge) : null;
    }

    private TextColumnCursor Text(string name, Field field, bool list)
    {
        if (!list && field is DataField { ClrType: var t } scalar && (t == typeof(ReadOnlyMemory<char>) || t == typeof(string)))
        {
            return new TextColumnCursor(scalar, 0, reuseRepeats: false);
        }

        if (list && field is ListField { Item: DataField { ClrType: var e } item } listField && (e == typeof(ReadOnlyMemory<char>) || e == typeof(string)))
        {
            return new TextColumnCursor(item, listField.IsNullable ? 1 : 0, reuseRepeats: false);
        }

        throw FormatError(0, 0, name, $"expected {(list ? "a list of strings, as source is" : "a string column")}, found another type");
    }

    private NumberColumnCursor Numbers(string name, Field field) =>
        field is ListField { Item: DataField item } list && NumberColumnCursor.Supports(item)
            ? new NumberColumnCursor(item, list.IsNullable ? 1 : 0)
            : throw FormatError(0, 0, name, "expected a list of numbers, found another type");

    private protected override async ValueTask LoadAsync(ParquetRowGroupReader rowGroup, CancellationToken cancellationToken)
    {
        foreach (var cursor in (TextColumnCursor?[])[_source, _target, _paperId, _title])
        {
            if (cursor is not null)
            {
                await cursor.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var cursor in (NumberColumnCursor?[])[_labels, _rouge])
        {
            if (cursor is not null)
            {
                await cursor.LoadAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private protected override SummarizationRecord? NextRow()
    {
        var source = Texts(_source!, out var sourceOk);
        var target = Texts(_target!, out var targetOk);
        var paperId = _paperId!.NextScalar();
        var title = _title?.NextScalar();
        int[] labels = [];
        if (_labels is not null)
        {
            _numbers.Clear();
            _labels.NextList(_numbers);
            labels = _numbers.Select(n => (int)n).ToArray();
        }

        double[]? rouge = null;
        if (_rouge is not null)
        {
            _numbers.Clear();
            rouge = _rouge.NextList(_numbers) ? [.. _numbers] : null;
        }

        var bad = paperId is null ? SummarizationColumns.PaperId : !sourceOk ? SummarizationColumns.Source : !targetOk ? SummarizationColumns.Target : null;
        if (bad is not null)
        {
            ReportBadRow(FormatError(0, 0, bad, $"row {Row}: expected a value, found null"));
            return null;
        }

        return new SummarizationRecord
        {
            Source = source,
            SourceLabels = labels,
            PaperId = paperId!,
            Target = target,
            Title = title,
            RougeScores = rouge,
            Shape = _shape,
        };
    }

    // A flattened column is one string per row; a list column its elements. False on a null.
    private string[] Texts(TextColumnCursor cursor, out bool ok)
    {
        if (_shape == SummarizationShape.Flattened)
        {
            var text = cursor.NextScalar();
            ok = text is not null;
            return text is null ? [] : [text];
        }

        _texts.Clear();
        ok = cursor.NextList(_texts) && !_texts.Contains(null);
        return _texts.Select(t => t ?? "").ToArray();
    }
}
