using PaperChunks.Formats;
using PaperChunks.Formats.Jsonl;
using PaperChunks.Records;

namespace PaperChunks.Tests;

/// <summary>Sends the JSONL sample through another format and back to JSONL bytes.</summary>
internal static class SampleRoundTrip
{
    public static byte[] Through(Func<RecordWriter<ChunkRecord>> openWriter, Func<RecordReader<ChunkRecord>> openReader)
    {
        using (var reader = new JsonlChunkReader(SampleFiles.Chunks000))
        using (var writer = openWriter())
        {
            Copy(reader, writer);
        }

        using var output = new MemoryStream();
        using (var reader = openReader())
        using (var writer = new JsonlChunkWriter(output))
        {
            Copy(reader, writer);
        }

        return output.ToArray();
    }

    private static void Copy(RecordReader<ChunkRecord> reader, RecordWriter<ChunkRecord> writer)
    {
        foreach (var record in reader.ReadAll())
        {
            writer.Write(record);
        }

        writer.Complete();
    }
}
