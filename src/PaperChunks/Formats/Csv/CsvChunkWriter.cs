using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Writes chunk rows as CSV (plain, <c>.gz</c> or <c>.zst</c>) with a header of the Hugging Face column names
/// in canonical order: RFC 4180 quoting (line breaks inside quoted cells), LF line ends, UTF-8 without BOM,
/// list and struct columns as JSON in the cell, each column in the type the record's <see cref="ChunkRecord.Schema"/>
/// gives it (a digit-string <c>chunk-id</c> quoted, joined <c>authors</c>/<c>categories</c> as one string). A null is an empty cell and an empty string <c>""</c>, so
/// <see cref="CsvChunkReader"/> reads back what was written. <see cref="ChunkRecord.ExtraFields"/> get header columns after
/// the known ones, fixed by the first row (see <see cref="ExtraColumnSet"/>), each cell as <see cref="CsvCells.ExtraCell"/>
/// writes it (a string as its text unless that would read as JSON, other values as their JSON, a row lacking the column an
/// empty cell), as the SciTLDR writer does. A later row with a column the first row lacked, and rows in the semantic-chunks
/// layout, are refused: the header is fixed, and the value would be lost.
/// </summary>
internal sealed class CsvChunkWriter : CsvRecordWriter<ChunkRecord>
{
    /// <summary>Writes to a file through a temporary file beside it; <c>.gz</c> / <c>.zst</c> compress.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public CsvChunkWriter(string path, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
        : base(path, csvOptions, options)
    {
    }

    /// <summary>Writes to a stream, which stays open; compression only if the options ask for it.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public CsvChunkWriter(Stream stream, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
        : base(stream, csvOptions, options)
    {
    }

    private ExtraColumnSet? _extras;
    private string?[] _extraCells = [];

    private protected override IReadOnlyList<string> HeaderFor(ChunkRecord? first)
    {
        _extras = ExtraColumnSet.Of(first);
        _extraCells = new string?[_extras.Count];
        return _extras.Count == 0 ? ChunkColumns.All : [.. ChunkColumns.All, .. _extras.Names];
    }

    private protected override void WriteCells(ChunkRecord record)
    {
        Refuse(record);
        var schema = record.Schema;
        Csv.WriteField(record.Doi);
        if (schema.ChunkId == ChunkColumnType.DigitString)
        {
            // Quoted, so the reader tells the digit-string variant from the integer one.
            Csv.WriteField(record.ChunkId.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvHelper.CsvQuoting.Always);
        }
        else
        {
            Csv.WriteField(record.ChunkId, default);
        }

        Csv.WriteField(record.Chunk);
        Text(record.Id);
        Text(record.Title);
        Text(record.Summary);
        Text(record.Source);
        List(record.Authors, schema.Authors);
        List(record.Categories, schema.Categories);
        Text(record.Comment);
        Text(record.JournalRef);
        Text(record.PrimaryCategory);
        Text(record.Published);
        Text(record.Updated);
        Csv.WriteField(CsvCells.References(Json, record.References, bareIds: schema.References == ChunkColumnType.StringList));
        foreach (var cell in _extraCells)
        {
            Csv.WriteField(cell is null ? null : CsvCells.ExtraCell(cell));
        }
    }

    // The header is fixed, so a column it lacks would be dropped without a word: refused instead, before any cell
    // of the row is written (the output is then discarded and an existing file stays as it was).
    private void Refuse(ChunkRecord record)
    {
        if (record.Schema.Layout == ChunkLayout.SemanticChunks)
        {
            throw new PaperChunksOutputException(OutputName,
                $"{RowName(record)} is in the semantic-chunks layout (prechunk_id, postchunk_id), which CSV output cannot hold; write JSON Lines or Parquet");
        }

        if (record.ExtraFields.Count == 0 && _extraCells.Length == 0)
        {
            return;
        }

        if (_extras!.Json(record, _extraCells) is { } problem)
        {
            throw new PaperChunksOutputException(OutputName, $"{RowName(record)} {problem}");
        }
    }

    private static string RowName(ChunkRecord record) => $"the row of paper \"{record.Doi}\" chunk {record.ChunkId}";

    private void List(IReadOnlyList<string> items, ChunkColumnType type)
    {
        if (type == ChunkColumnType.CommaSeparatedString)
        {
            Text(JoinedList.Join(items));
        }
        else
        {
            Csv.WriteField(CsvCells.Strings(Json, items));
        }
    }
}
