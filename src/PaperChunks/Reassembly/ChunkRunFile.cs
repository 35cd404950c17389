using System.Buffers.Binary;
using System.Text;
using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// The external sort's binary row format. A row is a head (input position, doi, chunk id, chunk, id,
/// absent fields, extra fields) and the paper metadata, each written by <see cref="BinaryWriter"/>. In a
/// run file each length-prefixed head is followed by a flag: the length-prefixed metadata, or "same as
/// the previous row" (the usual case once rows are sorted by doi), which keeps runs near the size of the
/// chunk text.
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

    public static RowHead ReadHead(ReadOnlySpan<byte> bytes)
    {
        var reader = new SpanReader(bytes);
        return new RowHead(
            reader.ReadInt64(),
            reader.ReadString(),
            reader.ReadInt64(),
            reader.ReadString(),
            reader.ReadString(),
            (ChunkFields)reader.ReadInt32(),
            ReadList(ref reader, static (ref SpanReader r) => new ExtraField(r.ReadString(), r.ReadString())));
    }

    public static ChunkRecord ReadMetadata(ReadOnlySpan<byte> bytes, RowHead head)
    {
        var reader = new SpanReader(bytes);
        return new ChunkRecord
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
            Authors = ReadList(ref reader, static (ref SpanReader r) => r.ReadString()),
            Categories = ReadList(ref reader, static (ref SpanReader r) => r.ReadString()),
            Comment = reader.ReadNullableString(),
            JournalRef = reader.ReadNullableString(),
            PrimaryCategory = reader.ReadString(),
            Published = reader.ReadNullableString(),
            Updated = reader.ReadNullableString(),
            References = ReadList(ref reader, static (ref SpanReader r) => new PaperReference(r.ReadString())),
        };
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write(items.Count);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    private delegate T ItemReader<T>(ref SpanReader reader);

    /// <summary>Reads what <see cref="WriteList"/> wrote: a count, then the items.</summary>
    private static T[] ReadList<T>(ref SpanReader reader, ItemReader<T> read)
    {
        var items = reader.ReadInt32() is var count and > 0 ? new T[count] : [];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(ref reader);
        }

        return items;
    }

    /// <summary>
    /// Reads what <see cref="BinaryWriter"/> wrote, straight from a span: each string is decoded once,
    /// whole (<see cref="BinaryReader.ReadString"/> goes through a StringBuilder 128 bytes at a time).
    /// </summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public long ReadInt64()
        {
            var value = BinaryPrimitives.ReadInt64LittleEndian(_bytes[_position..]);
            _position += sizeof(long);
            return value;
        }

        public int ReadInt32()
        {
            var value = BinaryPrimitives.ReadInt32LittleEndian(_bytes[_position..]);
            _position += sizeof(int);
            return value;
        }

        public string? ReadNullableString() => _bytes[_position++] != 0 ? ReadString() : null;

        public string ReadString()
        {
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = _bytes[_position++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            var value = length == 0 ? "" : Encoding.UTF8.GetString(_bytes.Slice(_position, length));
            _position += length;
            return value;
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
