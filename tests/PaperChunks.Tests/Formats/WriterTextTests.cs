using System.Text;
using System.Text.Json;
using CsCheck;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.Csv;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Formats.Parquet;
using PaperChunks.Reassembly;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats;

/// <summary>
/// Every writer either writes a .NET string so that it reads back exactly, or refuses it (a lone surrogate,
/// which UTF-8 cannot hold) with a located <see cref="PaperChunksOutputException"/>; never cuts or replaces it.
/// </summary>
public class WriterTextTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Any UTF-16 code unit, with surrogates (paired or not) and JSON's escaped characters made common.
    private static readonly Gen<string> AnyUtf16 = Gen.OneOf(
            Gen.Char, Gen.Char['\uD800', '\uDFFF'], Gen.Char['\0', '\u007F'], Gen.Const("\uD83D\uDE00"[0]), Gen.Const("\uD83D\uDE00"[1]))
        .Array[0, 16].Select(chars => new string(chars));

    public static TheoryData<string> ChunkFormats => ["out.jsonl", "out.jsonl.gz", "out.csv", "out.parquet"];

    [Theory]
    [MemberData(nameof(ChunkFormats))]
    public void Chunk_writers_round_trip_any_well_formed_string_and_refuse_a_lone_surrogate(string name)
    {
        AnyUtf16.Sample(text =>
        {
            using var temp = new TempDirectory();
            var path = temp.File(name);
            var record = new ChunkRecord { Doi = "1703.04933", ChunkId = 7, Chunk = text, Title = text, Authors = [text, "b"] };
            var write = () =>
            {
                using var writer = Open(path);
                writer.Write(record);
                writer.Complete();
            };

            if (UnpairedAt(text) is { } at)
            {
                write.Should().Throw<PaperChunksOutputException>().WithMessage(
                    $"{path}: record 1, field \"chunk\": a lone surrogate (U+{(int)text[at]:X4}) at character {at + 1}, which UTF-8 cannot store; the record was not written");
                File.Exists(path).Should().BeFalse();
            }
            else
            {
                write();
                var back = ReadChunks(path).Should().ContainSingle().Subject;
                back.Chunk.Should().Be(text);
                back.Title.Should().Be(text);
                back.Authors.Should().Equal(text, "b");
            }
        }, iter: 150);
    }

    [Fact]
    public void Jsonl_writer_refuses_the_lone_surrogate_it_used_to_cut()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out.jsonl");
        using var writer = new JsonlChunkWriter(path);

        var write = () => writer.Write(new ChunkRecord { Doi = "1", ChunkId = 0, Chunk = "left \udc00 right" });

        write.Should().Throw<PaperChunksOutputException>().WithMessage(
            $"{path}: record 1, field \"chunk\": a lone surrogate (U+DC00) at character 6, which UTF-8 cannot store; the record was not written");
    }

    [Fact]
    public void Paper_writer_text_bytes_equal_the_chunk_writer_bytes_for_any_well_formed_string()
    {
        AnyUtf16.Where(t => UnpairedAt(t) is null).Sample(text =>
        {
            var paper = Encoding.UTF8.GetString(Written(s => new JsonlPaperWriter(s), Paper(text)));
            var chunk = Encoding.UTF8.GetString(Written(s => new JsonlChunkWriter(s), new ChunkRecord { Doi = "1", ChunkId = 0, Chunk = text }));

            using var paperJson = JsonDocument.Parse(paper);
            using var chunkJson = JsonDocument.Parse(chunk);
            var hand = paperJson.RootElement.GetProperty("text").GetRawText();
            hand.Should().Be(chunkJson.RootElement.GetProperty("chunk").GetRawText());
            hand.Should().Be(paperJson.RootElement.GetProperty("title").GetRawText());
            paperJson.RootElement.GetProperty("text").GetString().Should().Be(text);
        }, iter: 300);
    }

    [Fact]
    public void Paper_writer_escapes_controls_as_the_encoder_does_and_writes_other_text_raw()
    {
        var bytes = Written(s => new JsonlPaperWriter(s), Paper("a\u0001\"\\\n\u00A0\u00AD\U0001F600"));

        Encoding.UTF8.GetString(bytes).Should().Contain("\"text\":\"a\\u0001\\\"\\\\\\n\u00A0\u00AD\U0001F600\"");
    }

    [Fact]
    public void Paper_writers_refuse_a_lone_surrogate_in_the_text_instead_of_writing_a_replacement_character()
    {
        using var temp = new TempDirectory();
        foreach (var writer in new RecordWriter<PaperRecord>[] { new JsonlPaperWriter(temp.File("p.jsonl")), new ParquetPaperWriter(temp.File("p.parquet")) })
        {
            using (writer)
            {
                var write = () => writer.Write(Paper("x\ud800"));
                write.Should().Throw<PaperChunksOutputException>().Which.Reason.Should().Be(
                    "record 1, field \"text\": a lone surrogate (U+D800) at character 2, which UTF-8 cannot store; the record was not written");
            }
        }

        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void Summarization_and_generic_writers_refuse_a_lone_surrogate_naming_the_field()
    {
        using var temp = new TempDirectory();
        var summary = new SummarizationRecord { Source = ["ok", "bad \udfff"], PaperId = "p1", Target = ["t"] };
        using (var jsonl = new JsonlSummarizationWriter(temp.File("s.jsonl")))
        using (var parquet = new ParquetSummarizationWriter(temp.File("s.parquet")))
        using (var generic = new JsonlGenericWriter(temp.File("g.jsonl")))
        {
            var reasons = new[]
            {
                Reason(() => jsonl.Write(summary)),
                Reason(() => parquet.Write(summary)),
                Reason(() => generic.Write(new GenericRecord { Fields = [new ExtraField("note\ud800", "1")] })),
            };

            reasons.Should().Equal(
                "record 1, field \"source\": a lone surrogate (U+DFFF) at character 5, which UTF-8 cannot store; the record was not written",
                "record 1, field \"source\": a lone surrogate (U+DFFF) at character 5, which UTF-8 cannot store; the record was not written",
                "record 1, field \"note\\uD800\": a lone surrogate (U+D800) at character 5, which UTF-8 cannot store; the record was not written");
        }

        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    private static string Reason(Action write) =>
        write.Should().Throw<PaperChunksOutputException>().Which.Reason;

    /// <summary>The oracle: the first index where strict UTF-8 encoding fails, found rune by rune.</summary>
    private static int? UnpairedAt(string text)
    {
        try
        {
            Strict.GetByteCount(text);
            return null;
        }
        catch (EncoderFallbackException)
        {
            for (var i = 0; i < text.Length;)
            {
                if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used) != System.Buffers.OperationStatus.Done)
                {
                    return i;
                }

                i += used;
            }

            throw;
        }
    }

    private static RecordWriter<ChunkRecord> Open(string path) =>
        path.EndsWith(".csv", StringComparison.Ordinal) ? new CsvChunkWriter(path)
        : path.EndsWith(".parquet", StringComparison.Ordinal) ? new ParquetChunkWriter(path)
        : new JsonlChunkWriter(path);

    private static List<ChunkRecord> ReadChunks(string path)
    {
        using RecordReader<ChunkRecord> reader =
            path.EndsWith(".csv", StringComparison.Ordinal) ? new CsvChunkReader(path)
            : path.EndsWith(".parquet", StringComparison.Ordinal) ? new ParquetChunkReader(path)
            : new JsonlChunkReader(path);
        return [.. reader.ReadAll()];
    }

    private static PaperRecord Paper(string text) => new() { Doi = "1", Title = text, Text = text, ChunkCount = 1 };

    private static byte[] Written<T>(Func<Stream, RecordWriter<T>> open, T record)
        where T : class
    {
        using var stream = new MemoryStream();
        using (var writer = open(stream))
        {
            writer.Write(record);
            writer.Complete();
        }

        return stream.ToArray();
    }
}
