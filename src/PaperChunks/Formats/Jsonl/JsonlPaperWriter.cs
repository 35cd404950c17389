using System.Text.Json;
using PaperChunks.Reassembly;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Writes reassembled papers as JSON Lines, one object per paper: the metadata under the chunk rows'
/// names, then <c>text</c>, <c>chunk_count</c>, <c>missing_chunk_ids</c>, <c>duplicate_chunk_ids</c> and
/// <c>spans</c> (<c>[{"chunk-id": 0, "start": 0, "length": 1520}, …]</c>). Same conventions as the chunk
/// writer: UTF-8 text as is, <c>.gz</c> / <c>.zst</c> targets compressed, a path target in place only on
/// completion.
/// </summary>
public sealed class JsonlPaperWriter : JsonlWriter<PaperRecord>
{
    /// <summary>Writes to a file (<c>.gz</c> / <c>.zst</c> compress) through a temporary file moved into place on completion.</summary>
    /// <param name="path">The target, e.g. <c>papers.jsonl</c>.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="PaperChunksOutputException">The target exists and overwriting is off, or it cannot be created.</exception>
    public JsonlPaperWriter(string path, WriterOptions? options = null)
        : base(path, options)
    {
    }

    /// <summary>Writes to a stream, which stays open (compression only if the options ask for it).</summary>
    /// <param name="stream">The output.</param>
    /// <param name="options">Writer settings, or <see langword="null"/> for the defaults.</param>
    public JsonlPaperWriter(Stream stream, WriterOptions? options = null)
        : base(stream, options)
    {
    }

    private protected override void WriteObject(Utf8JsonWriter json, PaperRecord paper)
    {
        json.WriteStartObject();
        json.WriteString(ChunkColumns.Doi, paper.Doi);
        json.WriteString(ChunkColumns.Title, paper.Title);
        json.WriteString(ChunkColumns.Summary, paper.Summary);
        json.WriteString(ChunkColumns.Source, paper.Source);
        WriteStrings(json, ChunkColumns.Authors, paper.Authors);
        WriteStrings(json, ChunkColumns.Categories, paper.Categories);
        json.WriteString(ChunkColumns.Comment, paper.Comment);
        json.WriteString(ChunkColumns.JournalRef, paper.JournalRef);
        json.WriteString(ChunkColumns.PrimaryCategory, paper.PrimaryCategory);
        json.WriteString(ChunkColumns.Published, paper.Published);
        json.WriteString(ChunkColumns.Updated, paper.Updated);
        json.WriteStartArray(ChunkColumns.References);
        foreach (var reference in paper.References)
        {
            json.WriteStartObject();
            json.WriteString(ChunkColumns.Id, reference.Id);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString(PaperColumns.Text, paper.Text);
        json.WriteNumber(PaperColumns.ChunkCount, paper.ChunkCount);
        WriteNumbers(json, PaperColumns.MissingChunkIds, paper.MissingChunkIds);
        WriteNumbers(json, PaperColumns.DuplicateChunkIds, paper.DuplicateChunkIds);
        json.WriteStartArray(PaperColumns.Spans);
        foreach (var span in paper.Spans)
        {
            json.WriteStartObject();
            json.WriteNumber(ChunkColumns.ChunkId, span.ChunkId);
            json.WriteNumber(PaperColumns.SpanStart, span.Start);
            json.WriteNumber(PaperColumns.SpanLength, span.Length);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<long> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
