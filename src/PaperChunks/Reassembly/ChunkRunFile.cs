using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// The external sort's spill format: length-prefixed binary records in sort order. A row whose paper
/// metadata equals the previous row's (the usual case within a sorted run) stores a flag instead, which
/// keeps runs near the size of the chunk text.
/// </summary>
internal static class ChunkRunFile
{
    private const byte FullMetadata = 0;
    private const byte SameMetadata = 1;

    public static void Write(BinaryWriter writer, ChunkRecord row, long sequence, ChunkRecord? previous)
    {
        writer.Write(sequence);
        writer.Write(row.Doi);
        writer.Write(row.ChunkId);
        writer.Write(row.Chunk);
        writer.Write(row.Id);
        writer.Write((int)row.AbsentFields);
        WriteList(writer, row.ExtraFields, static (w, e) => { w.Write(e.Name); w.Write(e.Json); });
        if (previous is not null && previous.Doi == row.Doi && MetadataFields.AllSame(previous, row))
        {
            writer.Write(SameMetadata);
            return;
        }

        writer.Write(FullMetadata);
        writer.Write(row.Title);
        writer.Write(row.Summary);
        writer.Write(row.Source);
        WriteList(writer, row.Authors, static (w, s) => w.Write(s));
        WriteList(writer, row.Categories, static (w, s) => w.Write(s));
        WriteNullable(writer, row.Comment);
        WriteNullable(writer, row.JournalRef);
        writer.Write(row.PrimaryCategory);
        WriteNullable(writer, row.Published);
        WriteNullable(writer, row.Updated);
        WriteList(writer, row.References, static (w, r) => w.Write(r.Id));
    }

    /// <summary>Reads the next row; the caller knows how many the run holds.</summary>
    public static (ChunkRecord Row, long Sequence) Read(BinaryReader reader, ChunkRecord? previous)
    {
        var sequence = reader.ReadInt64();
        var doi = reader.ReadString();
        var chunkId = reader.ReadInt64();
        var chunk = reader.ReadString();
        var id = reader.ReadString();
        var absent = (ChunkFields)reader.ReadInt32();
        var extras = ReadList(reader, static r => new ExtraField(r.ReadString(), r.ReadString()));
        var shape = reader.ReadByte();
        if (shape == SameMetadata)
        {
            var metadataSource = previous ?? throw new InvalidDataException("A run starts with a row that refers to a previous row.");
            return (metadataSource with { Doi = doi, ChunkId = chunkId, Chunk = chunk, Id = id, AbsentFields = absent, ExtraFields = extras }, sequence);
        }

        var row = new ChunkRecord
        {
            Doi = doi,
            ChunkId = chunkId,
            Chunk = chunk,
            Id = id,
            AbsentFields = absent,
            ExtraFields = extras,
            Title = reader.ReadString(),
            Summary = reader.ReadString(),
            Source = reader.ReadString(),
            Authors = ReadList(reader, static r => r.ReadString()),
            Categories = ReadList(reader, static r => r.ReadString()),
            Comment = ReadNullable(reader),
            JournalRef = ReadNullable(reader),
            PrimaryCategory = reader.ReadString(),
            Published = ReadNullable(reader),
            Updated = ReadNullable(reader),
            References = ReadList(reader, static r => new PaperReference(r.ReadString())),
        };
        return (row, sequence);
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    private static T[] ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = reader.ReadInt32();
        if (count == 0)
        {
            return [];
        }

        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = read(reader);
        }

        return items;
    }
}
