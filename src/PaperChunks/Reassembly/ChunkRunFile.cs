using System.Text;
using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// The external sort's binary row format. A row is a head (input position, doi, chunk id, chunk, id,
/// absent fields, extra fields) and the paper metadata. In a run file each head is followed by a flag:
/// the metadata itself, or "same as the previous row" (the usual case once rows are sorted by doi), which
/// keeps runs near the size of the chunk text.
/// </summary>
internal static class ChunkRunFile
{
    public const byte FullMetadata = 0;
    public const byte SameMetadata = 1;

    public static void WriteHead(BinaryWriter writer, ChunkRecord row, long sequence)
    {
        writer.Write(sequence);
        writer.Write(row.Doi);
        writer.Write(row.ChunkId);
        writer.Write(row.Chunk);
        writer.Write(row.Id);
        writer.Write((int)row.AbsentFields);
        WriteList(writer, row.ExtraFields, static (w, e) => { w.Write(e.Name); w.Write(e.Json); });
    }

    public static void WriteMetadata(BinaryWriter writer, ChunkRecord row)
    {
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

    /// <summary>Reads the next row of a run file; the caller knows how many the run holds.</summary>
    public static (ChunkRecord Row, long Sequence) Read(BinaryReader reader, ChunkRecord? previous)
    {
        var head = ReadHead(reader);
        if (reader.ReadByte() == SameMetadata)
        {
            return (head.On(previous ?? throw new InvalidDataException("A run starts with a row that refers to a previous row.")), head.Sequence);
        }

        return (ReadMetadata(reader, head), head.Sequence);
    }

    public static RowHead ReadHead(BinaryReader reader) => new(
        reader.ReadInt64(),
        reader.ReadString(),
        reader.ReadInt64(),
        reader.ReadString(),
        reader.ReadString(),
        (ChunkFields)reader.ReadInt32(),
        ReadList(reader, static r => new ExtraField(r.ReadString(), r.ReadString())));

    public static ChunkRecord ReadMetadata(BinaryReader reader, RowHead head) => new()
    {
        Doi = head.Doi,
        ChunkId = head.ChunkId,
        Chunk = head.Chunk,
        Id = head.Id,
        AbsentFields = head.AbsentFields,
        ExtraFields = head.ExtraFields,
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

    /// <summary>
    /// A reader for run files. <see cref="BinaryReader.ReadString"/> decodes a string from a file
    /// stream 128 bytes at a time through a StringBuilder; chunks are ~1–2 KB, so this reads the whole
    /// UTF-8 string into one buffer and decodes it once.
    /// </summary>
    internal sealed class FileReader(Stream stream) : BinaryReader(stream, Encoding.UTF8, leaveOpen: false)
    {
        private byte[] _bytes = new byte[8192];

        public override string ReadString()
        {
            var length = Read7BitEncodedInt();
            if (length == 0)
            {
                return "";
            }

            if (_bytes.Length < length)
            {
                _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
            }

            BaseStream.ReadExactly(_bytes, 0, length);
            return Encoding.UTF8.GetString(_bytes, 0, length);
        }
    }

    /// <summary>The per-row part of a stored row.</summary>
    internal sealed record RowHead(
        long Sequence, string Doi, long ChunkId, string Chunk, string Id, ChunkFields AbsentFields, IReadOnlyList<ExtraField> ExtraFields)
    {
        /// <summary>This row with the metadata of <paramref name="metadata"/> (a row of the same paper).</summary>
        public ChunkRecord On(ChunkRecord metadata) => metadata with
        {
            Doi = Doi, ChunkId = ChunkId, Chunk = Chunk, Id = Id, AbsentFields = AbsentFields, ExtraFields = ExtraFields,
        };
    }
}
