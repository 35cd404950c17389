using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>
/// Damaged Parquet files the fuzzer found escaping as Parquet.Net's own exceptions; each is now a located
/// <see cref="PaperChunksFormatException"/>. The input is the fuzz fixture (four real chunk rows written by
/// our writer) with the fuzzer's shrunk mutation applied.
/// </summary>
public class ParquetDamageRegressionTests
{
    [Fact]
    public void Rejects_a_page_header_whose_thrift_structure_is_cut_short_naming_its_column_and_page()
    {
        // Parquet.Net said "Invalid data in Thrift header. File is most likely corrupt (unexpected data type
        // Stop)"; the column-chunk check reads the header first and says where.
        var error = Read("parquet", new Mutation(MutationKind.Delete, 0.058823529411764705, 83));

        error.Message.Should().Be("fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"chunk\", page 1 (at byte 232): its header has a field of unknown Thrift type 0");
    }

    [Fact]
    public void Rejects_a_footer_whose_schema_points_past_its_own_list()
    {
        var error = Read("parquet-summarization", new Mutation(MutationKind.Delete, 0.5649716834769178, 130));

        error.Message.Should().StartWith("fuzz: expected a Parquet file, found Index was out of range.");
        error.InnerException.Should().BeOfType<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Rejects_a_footer_whose_column_chunk_lost_its_metadata_found_by_the_fuzzer()
    {
        // CsCheck seed cvGFk8ypEuB6 (a CI run's random case): Parquet.Net's ThriftExtensions.GetPath threw
        // NullReferenceException, which escaped the reader.
        var error = Read(
            "parquet",
            new Mutation(MutationKind.Insert, 0.29406191229506673, 442),
            new Mutation(MutationKind.Insert, 0.5914855827236873, 852),
            new Mutation(MutationKind.FlipBit, 0.8742449512707839, 220));

        error.Message.Should().Be("fuzz: expected a Parquet file, found a footer with a required field missing");
        error.InnerException.Should().BeOfType<NullReferenceException>();
    }

    [Fact]
    public void Rejects_a_footer_whose_timestamp_unit_is_damaged_found_by_the_fuzzer()
    {
        // Long-run seed aiHOgULKhFW1: Parquet.Net's SchemaEncoder threw NotImplementedException("Unsupported time
        // unit") while building the schema, which escaped the reader.
        var error = Read(
            "parquet",
            new Mutation(MutationKind.FlipBit, 0.6111111111111112, 837),
            new Mutation(MutationKind.Duplicate, 8.4E-70, 769));

        error.Message.Should().Be("fuzz: expected a Parquet file, found Unsupported time unit");
        error.InnerException.Should().BeOfType<NotImplementedException>();
    }

    [Fact]
    public void Rejects_a_column_that_decodes_to_fewer_rows_than_its_row_group_found_by_the_fuzzer()
    {
        // Long-run seed 7GvgFxSclds1: one bit of the footer flipped; our text cursor then indexed past the
        // decoded levels (IndexOutOfRangeException escaped the reader).
        var error = Read("parquet", new Mutation(MutationKind.FlipBit, 0.7869223259443234, 235));

        error.Message.Should().Be("fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"title\" decodes to 0 rows where its row group has 4");
        error.InnerException.Should().BeOfType<System.IO.InvalidDataException>();
    }

    [Fact]
    public void Rejects_a_footer_that_names_two_columns_alike_found_by_the_fuzzer()
    {
        // Long-run seed 9QdRcLxUmj41: a flipped bit turned a column's name into "id", a second one; the reader's
        // column lookup threw ArgumentException ("An item with the same key has already been added").
        var error = Read("parquet", new Mutation(MutationKind.FlipBit, 0.6211312783259515, 29));

        error.Message.Should().Be("fuzz: field \"id\": expected one column of each name, found two with this name; the file is corrupt");
    }

    [Fact]
    public void Rejects_a_corrupt_snappy_page_naming_its_row_group_and_first_row()
    {
        // One bit of the chunk column's Snappy data (byte 3,853, inside its only page): the header is sound.
        var error = Read("parquet", new Mutation(MutationKind.FlipBit, 0.16297267574655275, 7));

        error.Message.Should().Be("fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: Invalid copy offset");
        error.InnerException.Should().BeOfType<System.IO.InvalidDataException>();
    }

    [Fact]
    public void Rejects_bytes_duplicated_into_the_data_naming_the_column_whose_header_moved()
    {
        // 347 bytes copied in at byte 4,024: every column after "chunk" now starts inside someone else's bytes.
        // Parquet.Net said "Invalid copy offset" from the Snappy page it read from the wrong place.
        var error = Read("parquet", new Mutation(MutationKind.Duplicate, 0.17023596036847266, 347));

        error.Message.Should().Be("fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"id\", page 1 (at byte 6,242): its header lacks its type or sizes");
        error.InnerException.Should().BeOfType<System.IO.InvalidDataException>();
    }

    [Fact]
    public void Rejects_a_footer_whose_schema_has_no_fields()
    {
        var error = Read("parquet", new Mutation(MutationKind.Duplicate, 0.8071700866549496, 540));

        error.Message.Should().Be("fuzz: expected a Parquet file, found at least one field is required (Parameter 'fields')");
        error.InnerException.Should().BeOfType<ArgumentException>();
    }

    [Fact]
    public void Reading_a_page_header_with_damaged_sizes_allocates_within_bounds()
    {
        // Reader-fuzz seed 6cfU-FO1q-81 (whole-tool fuzz seed 9F8tLEVGCUSZ4VV32): ED A0 80 inserted at byte 251,
        // inside the length varint of the chunk page header's max statistic, which then declares 1.86 GB.
        // Parquet.Net allocated it (1,864,477,432 bytes measured here) before failing.
        var reader = ReaderUnderTest.All.Single(r => r.Name == "parquet");
        var bytes = new Mutation(MutationKind.Insert, 0.010623813010328664, 520).ApplyTo(reader.Fixture);

        ReaderFuzzTests.ReadsOrFailsLocated(reader, bytes, ErrorPolicy.FailFast);
        Read("parquet", new Mutation(MutationKind.Insert, 0.010623813010328664, 520)).Message.Should().Be(
            "fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"chunk\", page 1 (at byte 232): its header declares a binary field of 1,864,372,333 bytes or items where 5,986 bytes are left in the column chunk");
    }

    [Fact]
    public void Rejects_a_page_that_says_it_decompresses_to_more_than_snappy_can_make()
    {
        var bytes = WithChunkPageHeader(uncompressed: 1_000_000_000, compressed: 2447, values: 4);

        ReaderFuzzTests.ReadsOrFailsLocated(ReaderUnderTest.All.Single(r => r.Name == "parquet"), bytes, ErrorPolicy.FailFast);
        Read(bytes).Message.Should().Be(
            "fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"chunk\", page 1 (at byte 232): it says it decompresses to 1,000,000,000 bytes from 2,447, more than SNAPPY can hold");
    }

    [Fact]
    public void Rejects_a_snappy_page_whose_own_length_is_damaged_before_the_decoder_allocates_it()
    {
        // ED A0 80 inserted at byte 14,246, the first byte of the references column's data page: the Snappy
        // block's length varint then says 268 MB, and the Snappy decoder allocated it (269,877,104 bytes
        // measured here) before failing. Found by inserting each fuzz sequence at every byte of the file's end.
        var reader = ReaderUnderTest.All.Single(r => r.Name == "parquet");
        var mutation = new Mutation(MutationKind.Insert, 14246.5 / 23642, 520);

        ReaderFuzzTests.ReadsOrFailsLocated(reader, mutation.ApplyTo(reader.Fixture), ErrorPolicy.FailFast);
        Read("parquet", mutation).Message.Should().Be(
            "fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"references.list.element.id\", page 2 (at byte 14,175): its Snappy data says it decompresses to 211,816,557 bytes where its header says 101");
    }

    [Fact]
    public void Rejects_a_page_whose_compressed_size_runs_past_its_column_chunk()
    {
        var bytes = WithChunkPageHeader(uncompressed: 3422, compressed: 100_000, values: 4);

        Read(bytes).Message.Should().Be(
            "fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"chunk\", page 1 (at byte 232): it says it holds 100,000 bytes where 2,447 are left in the column chunk");
    }

    [Fact]
    public void Rejects_pages_that_hold_more_or_fewer_values_than_their_column_chunk()
    {
        Read(WithChunkPageHeader(uncompressed: 3422, compressed: 2447, values: 5)).Message.Should().Be(
            "fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"chunk\", page 1 (at byte 232): it says it holds 5 values where the column chunk has 4 left");
        Read(WithChunkPageHeader(uncompressed: 3422, compressed: 2447, values: 3)).Message.Should().Be(
            "fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"chunk\": its pages hold 3 values where its metadata says 4");
    }

    [Fact]
    public void Rejects_a_column_chunk_whose_metadata_says_it_runs_past_the_data_into_the_footer()
    {
        // The last column's total_compressed_size in the footer (field 7, i64 369, zigzag varint E2 05, after
        // field 6's 495 = DE 07) raised to 8,177 (E2 7F): its pages would run into the footer at byte 14,317.
        var bytes = (byte[])ReaderUnderTest.All.Single(r => r.Name == "parquet").Fixture.Clone();
        var at = IndexOfOnly(bytes, [0x16, 0xDE, 0x07, 0x16, 0xE2, 0x05]);
        bytes[at + 5] = 0x7F;

        Read(bytes).Message.Should().Be(
            "fuzz:1: row group 0 (from row 1) cannot be decoded, the file is corrupt: column \"references.list.element.id\": its pages are said to take bytes 13,948 to 22,125, outside the file's data (bytes 4 to 14,317)");
    }

    /// <summary>
    /// The fuzz fixture with the chunk column's only page header (bytes 232 to 3,795; type 0, 3,422 bytes
    /// uncompressed, 2,447 compressed, 4 values, its statistics) replaced by one of the same length with the
    /// sizes given, padded with an unknown binary field as Thrift readers skip.
    /// </summary>
    private static byte[] WithChunkPageHeader(int uncompressed, int compressed, int values)
    {
        const int start = 232, length = 3563;
        var bytes = (byte[])ReaderUnderTest.All.Single(r => r.Name == "parquet").Fixture.Clone();
        bytes.AsSpan(start, 4).ToArray().Should().Equal([0x15, 0x00, 0x15, 0xBC], "the fixture's chunk page header starts there");

        List<byte> Header(int padding)
        {
            List<byte> h = [0x15, .. ZigZag(0), 0x15, .. ZigZag(uncompressed), 0x15, .. ZigZag(compressed)];
            h.AddRange([0x2C, 0x15, .. ZigZag(values), 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00]); // field 5: DataPageHeader
            h.AddRange([0xA8, .. Varint((uint)padding)]); // field 15, binary: unknown to parquet.thrift, skipped
            h.AddRange(new byte[padding]);
            h.Add(0x00);
            return h;
        }

        var padding = length - Header(0).Count;
        while (Header(padding).Count > length)
        {
            padding--;
        }

        var header = Header(padding);
        header.Should().HaveCount(length);
        header.CopyTo(bytes, start);
        return bytes;
    }

    private static byte[] ZigZag(int value) => Varint((uint)((value << 1) ^ (value >> 31)));

    private static byte[] Varint(uint value)
    {
        var bytes = new List<byte>();
        for (; value >= 0x80; value >>= 7)
        {
            bytes.Add((byte)(value | 0x80));
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }

    private static int IndexOfOnly(byte[] bytes, byte[] sequence)
    {
        var at = bytes.AsSpan().IndexOf(sequence);
        at.Should().BeGreaterThan(0);
        bytes.AsSpan(at + 1).IndexOf(sequence).Should().Be(-1, "the sequence must be found once");
        return at;
    }

    private static PaperChunksFormatException Read(byte[] bytes)
    {
        var reader = ReaderUnderTest.All.Single(r => r.Name == "parquet");
        var act = () => reader.ReadAll(new MemoryStream(bytes), ReaderUnderTest.Options(ErrorPolicy.FailFast)).ToList();

        return act.Should().Throw<PaperChunksFormatException>().Which;
    }

    private static PaperChunksFormatException Read(string name, params Mutation[] mutations)
    {
        var reader = ReaderUnderTest.All.Single(r => r.Name == name);
        var bytes = mutations.Aggregate(reader.Fixture, (b, m) => m.ApplyTo(b));

        var act = () => reader.ReadAll(new MemoryStream(bytes), ReaderUnderTest.Options(ErrorPolicy.FailFast)).ToList();

        return act.Should().Throw<PaperChunksFormatException>().Which;
    }
}
