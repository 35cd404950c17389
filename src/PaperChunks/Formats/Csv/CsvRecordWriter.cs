using System.Buffers;
using CsvHelper;

namespace PaperChunks.Formats.Csv;

/// <summary>
/// What every CSV writer shares: RFC 4180 quoting (line breaks inside quoted cells), LF line ends, UTF-8 without
/// BOM, plain or <c>.gz</c> / <c>.zst</c>, through a temporary file moved into place on completion; the header
/// once, before the first row or on completing an empty output. A null text is an empty cell and an empty
/// string <c>""</c>, so the readers tell them apart. A subclass names the header and writes a row's cells.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class CsvRecordWriter<T> : RecordWriter<T>
    where T : class
{
    private readonly TextOutput _out;
    private bool _headerWritten;

    /// <summary>Writes to a file through a temporary file beside it; <c>.gz</c> / <c>.zst</c> compress.</summary>
    protected CsvRecordWriter(string path, CsvWriterOptions? csvOptions, WriterOptions? options)
    {
        _out = TextOutput.ToFile(path, options);
        Csv = CsvWriter.Create(_out.Stream, HelperOptions(csvOptions ?? CsvWriterOptions.Default), true);
        Learned = options?.ExtraColumns;
    }

    /// <summary>Writes to a stream, which stays open; compression only if the options ask for it.</summary>
    protected CsvRecordWriter(Stream stream, CsvWriterOptions? csvOptions, WriterOptions? options)
    {
        _out = TextOutput.ToStream(stream, options);
        Csv = CsvWriter.Create(_out.Stream, HelperOptions(csvOptions ?? CsvWriterOptions.Default), true);
        Learned = options?.ExtraColumns;
    }

    /// <summary>The extra columns learned from the whole input, if they were (<see cref="WriterOptions.ExtraColumns"/>).</summary>
    private protected ExtraColumnSet? Learned { get; }

    /// <summary>The writer of the current row's cells.</summary>
    private protected CsvWriter Csv { get; }

    /// <summary>A buffer for JSON cells (<see cref="CsvCells"/>).</summary>
    private protected ArrayBufferWriter<byte> Json { get; } = new(4096);

    /// <inheritdoc/>
    private protected override string OutputName => _out.Target;

    /// <summary>The header's column names, given the first record (<see langword="null"/> for an output with no rows).</summary>
    private protected abstract IReadOnlyList<string> HeaderFor(T? first);

    /// <summary>Writes one record's cells, in header order; the base ends the row.</summary>
    private protected abstract void WriteCells(T record);

    /// <inheritdoc/>
    protected override void WriteCore(T record)
    {
        // CsvHelper writes through to the file in blocks: a full disk surfaces here (no closure per row).
        try
        {
            WriteHeaderOnce(record);
            WriteCells(record);
            Csv.EndRecord();
        }
        catch (IOException e)
        {
            throw _out.WriteFailed(e);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask WriteCoreAsync(T record, CancellationToken cancellationToken)
    {
        // CsvHelper buffers and flushes in large blocks; the synchronous write blocks rarely and briefly.
        cancellationToken.ThrowIfCancellationRequested();
        WriteCore(record);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    protected override void CompleteCore() => _out.Guarded(() =>
    {
        WriteHeaderOnce(null);
        Csv.Flush();
        Csv.Dispose();
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
            if (!IsCompleted)
            {
                DisposeQuietly(Csv);
            }

            _out.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A text cell: null is an empty cell, an empty string <c>""</c>.</summary>
    private protected void Text(string? value)
    {
        if (value is null)
        {
            Csv.WriteField((string?)null);
        }
        else if (value.Length == 0)
        {
            Csv.WriteField(value, CsvQuoting.Always);
        }
        else
        {
            Csv.WriteField(value);
        }
    }

    /// <summary>The error for a record this output cannot hold, naming the record (1-based) and field.</summary>
    private protected PaperChunksOutputException Unwritable(string field, string reason) =>
        new(OutputName, System.FormattableString.Invariant($"record {RecordsWritten + 1}, field \"{field}\": {reason}; the record was not written"));

    private static CsvHelper.CsvWriterOptions HelperOptions(CsvWriterOptions options) => new()
    {
        Mode = CsvMode.Rfc4180,
        Separator = ',',
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = options.EscapeFormulas ? CsvInjection.Escape : CsvInjection.None,
        WriteByteOrderMark = false,
    };

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

    private void WriteHeaderOnce(T? first)
    {
        if (_headerWritten)
        {
            return;
        }

        var names = HeaderFor(first);
        _headerWritten = true;
        foreach (var name in names)
        {
            Csv.WriteField(name);
        }

        Csv.EndRecord();
    }
}
