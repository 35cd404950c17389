using System.Buffers;
using System.Text;
using System.Text.Json;
using PaperChunks.Records;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Writes reassembled papers as JSON Lines, one object per paper: the metadata under the chunk rows'
/// names, then <c>text</c>, <c>chunk_count</c>, <c>missing_chunk_ids</c>, <c>duplicate_chunk_ids</c> and
/// <c>spans</c> (<c>[{"chunk-id": 0, "start": 0, "length": 1520}, …]</c>). Same conventions as the chunk
/// writer: UTF-8 text as is, <c>.gz</c> / <c>.zst</c> targets compressed, a path target in place only on
/// completion.
/// </summary>
internal sealed class JsonlPaperWriter : JsonlWriter<PaperRecord>
{
    private const string HexDigits = "0123456789ABCDEF";

    private static readonly SearchValues<char> MustEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

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
        WriteText(json, paper.Text);
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

    /// <summary>
    /// Writes the paper text escaped by hand: every joint puts a newline in it, and once a string needs
    /// one escape the writer's encoder path goes character by character, which cost ~12 % of a whole
    /// reassembly. The bytes are the ones <see cref="MinimalJsonEncoder"/> produces.
    /// </summary>
    private static void WriteText(Utf8JsonWriter json, string text)
    {
        json.WritePropertyName(PaperColumns.Text);
        var buffer = ArrayPool<byte>.Shared.Rent(checked((text.Length * 6) + 8));
        try
        {
            json.WriteRawValue(buffer.AsSpan(0, Escape(text, buffer)), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static int Escape(ReadOnlySpan<char> text, Span<byte> output)
    {
        var written = 0;
        output[written++] = (byte)'"';
        while (true)
        {
            var next = text.IndexOfAny(MustEscape);
            written += Encoding.UTF8.GetBytes(next < 0 ? text : text[..next], output[written..]);
            if (next < 0)
            {
                break;
            }

            var c = text[next];
            ReadOnlySpan<byte> escape = c switch
            {
                '"' => "\\\""u8,
                '\\' => "\\\\"u8,
                '\b' => "\\b"u8,
                '\f' => "\\f"u8,
                '\n' => "\\n"u8,
                '\r' => "\\r"u8,
                '\t' => "\\t"u8,
                _ => [],
            };
            if (escape.IsEmpty)
            {
                "\\u00"u8.CopyTo(output[written..]);
                output[written + 4] = (byte)HexDigits[c >> 4];
                output[written + 5] = (byte)HexDigits[c & 0xF];
                written += 6;
            }
            else
            {
                escape.CopyTo(output[written..]);
                written += escape.Length;
            }

            text = text[(next + 1)..];
        }

        output[written++] = (byte)'"';
        return written;
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
