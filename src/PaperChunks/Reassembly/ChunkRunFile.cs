using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using PaperChunks.Records;

namespace PaperChunks.Reassembly;

/// <summary>
/// The external sort's binary row format. A row is a head (input position, doi, chunk id, chunk, id,
/// absent fields, extra fields; strings in UTF-8) and the paper metadata (strings in raw UTF-16, so a
/// row's metadata is checked against the stored copy in place, with no transcoding). In a run file
/// each length-prefixed head is followed by a flag: the length-prefixed metadata, or "same as the
/// previous row" (the usual case once rows are sorted by doi), which keeps runs near the size of the
/// chunk text.
/// </summary>
internal static class ChunkRunFile
{
    public const byte FullMetadata = 0;
    public const byte SameMetadata = 1;

    public static void WriteHead(RowBlobWriter writer, ChunkRecord row, long sequence)
    {
        writer.WriteInt64(sequence);
        writer.WriteUtf8(row.Doi);
        writer.WriteInt64(row.ChunkId);
        writer.WriteUtf8(row.Chunk);
        writer.WriteUtf8(row.Id);
        writer.WriteInt32((int)row.AbsentFields);
        writer.WriteInt32(row.ExtraFields.Count);
        foreach (var extra in row.ExtraFields)
        {
            writer.WriteUtf8(extra.Name);
            writer.WriteUtf8(extra.Json);
        }
    }

    public static void WriteMetadata(RowBlobWriter writer, ChunkRecord row)
    {
        writer.WriteUtf16(row.Title);
        writer.WriteUtf16(row.Summary);
        writer.WriteUtf16(row.Source);
        WriteList(writer, row.Authors);
        WriteList(writer, row.Categories);
        writer.WriteUtf16(row.Comment);
        writer.WriteUtf16(row.JournalRef);
        writer.WriteUtf16(row.PrimaryCategory);
        writer.WriteUtf16(row.Published);
        writer.WriteUtf16(row.Updated);
        writer.WriteInt32(row.References.Count);
        foreach (var reference in row.References)
        {
            writer.WriteUtf16(reference.Id);
        }
    }

    /// <summary>Whether <paramref name="metadata"/> (as <see cref="WriteMetadata"/> wrote it) holds exactly the metadata of <paramref name="row"/>.</summary>
    public static bool MetadataMatches(ReadOnlySpan<byte> metadata, ChunkRecord row)
    {
        var r = new SpanReader(metadata);
        if (!(r.Utf16Equals(row.Title) && r.Utf16Equals(row.Summary) && r.Utf16Equals(row.Source)
            && ListEquals(ref r, row.Authors) && ListEquals(ref r, row.Categories)
            && r.Utf16Equals(row.Comment) && r.Utf16Equals(row.JournalRef) && r.Utf16Equals(row.PrimaryCategory)
            && r.Utf16Equals(row.Published) && r.Utf16Equals(row.Updated) && r.ReadInt32() == row.References.Count))
        {
            return false;
        }

        foreach (var reference in row.References)
        {
            if (!r.Utf16Equals(reference.Id))
            {
                return false;
            }
        }

        return true;
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
            Title = reader.ReadUtf16()!,
            Summary = reader.ReadUtf16()!,
            Source = reader.ReadUtf16()!,
            Authors = ReadList(ref reader, static (ref SpanReader r) => r.ReadUtf16()!),
            Categories = ReadList(ref reader, static (ref SpanReader r) => r.ReadUtf16()!),
            Comment = reader.ReadUtf16(),
            JournalRef = reader.ReadUtf16(),
            PrimaryCategory = reader.ReadUtf16()!,
            Published = reader.ReadUtf16(),
            Updated = reader.ReadUtf16(),
            References = ReadList(ref reader, static (ref SpanReader r) => new PaperReference(r.ReadUtf16()!)),
        };
    }

    private static void WriteList(RowBlobWriter writer, IReadOnlyList<string> items)
    {
        writer.WriteInt32(items.Count);
        foreach (var item in items)
        {
            writer.WriteUtf16(item);
        }
    }

    private static bool ListEquals(ref SpanReader reader, IReadOnlyList<string> items)
    {
        if (reader.ReadInt32() != items.Count)
        {
            return false;
        }

        foreach (var item in items)
        {
            if (!reader.Utf16Equals(item))
            {
                return false;
            }
        }

        return true;
    }

    private delegate T ItemReader<T>(ref SpanReader reader);

    /// <summary>Reads a count, then the items.</summary>
    private static T[] ReadList<T>(ref SpanReader reader, ItemReader<T> read)
    {
        var items = reader.ReadInt32() is var count and > 0 ? new T[count] : [];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(ref reader);
        }

        return items;
    }

    /// <summary>Reads what <see cref="RowBlobWriter"/> wrote, straight from a span; each string is decoded once, whole.</summary>
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

        public string? ReadUtf16()
        {
            var chars = ReadInt32();
            if (chars < 0)
            {
                return null;
            }

            var value = chars == 0 ? "" : new string(MemoryMarshal.Cast<byte, char>(_bytes.Slice(_position, chars * sizeof(char))));
            _position += chars * sizeof(char);
            return value;
        }

        public bool Utf16Equals(string? value)
        {
            var chars = ReadInt32();
            if (value is null || chars != value.Length)
            {
                _position += Math.Max(chars, 0) * sizeof(char);
                return value is null && chars < 0;
            }

            var stored = _bytes.Slice(_position, chars * sizeof(char));
            _position += stored.Length;
            return stored.SequenceEqual(MemoryMarshal.AsBytes(value.AsSpan()));
        }

        public string ReadString()
        {
            var length = ReadInt32();
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
