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
/// empty cell), as the SciTLDR writer does. Rows in the semantic-chunks layout get that layout's seven columns
/// (<see cref="SemanticChunkColumns"/>, the links as text cells, <c>""</c> at the ends). The first row fixes the header:
/// a later row with a column the first row lacked, or in the other layout, is refused, naming the row.
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
    private bool _semantic;

    private protected override IReadOnlyList<string> HeaderFor(ChunkRecord? first)
    {
        _extras = ExtraColumnSet.Of(first, Learned);
        _extraCells = new string?[_extras.Count];
        _semantic = first?.Schema.Layout == ChunkLayout.SemanticChunks;
        var own = _semantic ? SemanticChunkColumns.All : ChunkColumns.All;
        return _extras.Count == 0 ? own : [.. own, .. _extras.Names];
    }

    private protected override void WriteCells(ChunkRecord record)
    {
        Refuse(record);
        if (_semantic)
        {
            WriteSemantic(record);
        }
        else
        {
            WriteChunked(record);
        }

        foreach (var cell in _extraCells)
        {
            Csv.WriteField(cell is null ? null : CsvCells.ExtraCell(cell));
        }
    }

    private void WriteSemantic(ChunkRecord record)
    {
        Text(record.Id);
        Text(record.Title);
        Text(record.Chunk);
        Text(SemanticChunkLinks.Of(record, SemanticChunkColumns.PrechunkId));
        Text(SemanticChunkLinks.Of(record, SemanticChunkColumns.PostchunkId));
        Text(record.Doi);
        Csv.WriteField(CsvCells.References(Json, record.References, bareIds: record.Schema.References == ChunkColumnType.StringList));
    }

    private void WriteChunked(ChunkRecord record)
    {
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
    }

    // The header is fixed, so a column it lacks would be dropped without a word: refused instead, before any cell
    // of the row is written (the output is then discarded and an existing file stays as it was).
    private void Refuse(ChunkRecord record)
    {
        if (record.Schema.Layout == ChunkLayout.SemanticChunks != _semantic)
        {
            throw new PaperChunksOutputException(OutputName, _semantic
                ? $"{RowName(record)} has the chunked dataset's columns, but the file's first row fixed the semantic-chunks layout's header; convert with --schema canonical to mix the layouts"
                : $"{RowName(record)} is in the semantic-chunks layout, but the file's first row fixed the chunked dataset's header; convert with --schema canonical to mix the layouts");
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
