using System.Buffers;
using CsvHelper;
using PaperChunks.Records;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// Writes chunk rows as CSV (plain, <c>.gz</c> or <c>.zst</c>) with a header of the Hugging Face column names
/// in canonical order: RFC 4180 quoting (line breaks inside quoted cells), LF line ends, UTF-8 without BOM,
/// list and struct columns as JSON in the cell, each column in the type the record's <see cref="ChunkRecord.Schema"/>
/// gives it (a digit-string <c>chunk-id</c> quoted, joined <c>authors</c>/<c>categories</c> as one string). A null is an empty cell and an empty string <c>""</c>, so
/// <see cref="CsvChunkReader"/> reads back what was written. <see cref="ChunkRecord.ExtraFields"/> are not
/// written: the header is fixed.
/// </summary>
internal sealed class CsvChunkWriter : RecordWriter<ChunkRecord>
{
    private readonly TextOutput _out;
    private readonly CsvWriter _csv;
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private bool _headerWritten;

    /// <summary>Writes to a file through a temporary file beside it; <c>.gz</c> / <c>.zst</c> compress.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The file exists and overwriting is off, or it cannot be created.</exception>
    public CsvChunkWriter(string path, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
    {
        _out = TextOutput.ToFile(path, options);
        _csv = CsvWriter.Create(_out.Stream, HelperOptions(csvOptions ?? CsvWriterOptions.Default), true);
    }

    /// <summary>Writes to a stream, which stays open; compression only if the options ask for it.</summary>
    /// <param name="stream">The output.</param>
    /// <param name="csvOptions">CSV settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public CsvChunkWriter(Stream stream, CsvWriterOptions? csvOptions = null, WriterOptions? options = null)
    {
        _out = TextOutput.ToStream(stream, options);
        _csv = CsvWriter.Create(_out.Stream, HelperOptions(csvOptions ?? CsvWriterOptions.Default), true);
    }

    /// <inheritdoc/>
    private protected override string OutputName => _out.Target;

    /// <inheritdoc/>
    protected override void WriteCore(ChunkRecord record)
    {
        // CsvHelper writes through to the file in blocks: a full disk surfaces here (no closure per row).
        try
        {
            WriteRow(record);
        }
        catch (IOException e)
        {
            throw _out.WriteFailed(e);
        }
    }

    private void WriteRow(ChunkRecord record)
    {
        WriteHeaderOnce();
        var schema = record.Schema;
        _csv.WriteField(record.Doi);
        if (schema.ChunkId == ChunkColumnType.DigitString)
        {
            // Quoted, so the reader tells the digit-string variant from the integer one.
            _csv.WriteField(record.ChunkId.ToString(System.Globalization.CultureInfo.InvariantCulture), CsvQuoting.Always);
        }
        else
        {
            _csv.WriteField(record.ChunkId, default);
        }

        _csv.WriteField(record.Chunk);
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
        _csv.WriteField(CsvCells.References(_json, record.References, bareIds: schema.References == ChunkColumnType.StringList));
        _csv.EndRecord();
    }

    /// <inheritdoc/>
    protected override ValueTask WriteCoreAsync(ChunkRecord record, CancellationToken cancellationToken)
    {
        // CsvHelper buffers and flushes in large blocks; the synchronous write blocks rarely and briefly.
        cancellationToken.ThrowIfCancellationRequested();
        WriteCore(record);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    protected override void CompleteCore() => _out.Guarded(() =>
    {
        WriteHeaderOnce();
        _csv.Flush();
        _csv.Dispose();
        _out.Finish();
    });

    /// <inheritdoc/>
    protected override ValueTask CompleteCoreAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CompleteCore();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }

        base.Dispose(disposing);
    }


    private static CsvHelper.CsvWriterOptions HelperOptions(CsvWriterOptions options) => new()
    {
        Mode = CsvMode.Rfc4180,
        Separator = ',',
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = options.EscapeFormulas ? CsvInjection.Escape : CsvInjection.None,
        WriteByteOrderMark = false,
    };

    private void Release()
    {
        if (!IsCompleted)
        {
            DisposeQuietly(_csv);
        }

        _out.Dispose();
    }

    private static void DisposeQuietly(CsvWriter disposable)
    {
        try
        {
            disposable.Dispose();
        }
        catch (IOException)
        {
            // Flushing after a failed write fails again; the output is discarded anyway.
        }
    }

    private void Text(string? value)
    {
        if (value is null)
        {
            _csv.WriteField((string?)null);
        }
        else if (value.Length == 0)
        {
            _csv.WriteField(value, CsvQuoting.Always);
        }
        else
        {
            _csv.WriteField(value);
        }
    }

    private void List(IReadOnlyList<string> items, ChunkColumnType type)
    {
        if (type == ChunkColumnType.CommaSeparatedString)
        {
            Text(JoinedList.Join(items));
        }
        else
        {
            _csv.WriteField(CsvCells.Strings(_json, items));
        }
    }

    private void WriteHeaderOnce()
    {
        if (_headerWritten)
        {
            return;
        }

        _headerWritten = true;
        foreach (var name in ChunkColumns.All)
        {
            _csv.WriteField(name);
        }

        _csv.EndRecord();
    }
}
