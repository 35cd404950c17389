using System.Text;
using FluentAssertions;
using PaperChunks.Formats;
using PaperChunks.Formats.ShortScience;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.Csv;

public class CsvPaperSummaryTests
{
    private const string Header = "title,authors,authors_text,venue,year,listed_via,keywords,first_published,abstract,summary";

    [Fact]
    public void The_ShortScience_seed_goes_JSONL_to_CSV_to_JSONL_byte_for_byte()
    {
        var jsonl = Write(SeedEntries(), OutputFormat.Jsonl);

        var csv = Convert(jsonl, InputFormat.Jsonl, OutputFormat.Csv);

        Convert(csv, InputFormat.Csv, OutputFormat.Jsonl).Should().Equal(jsonl);
    }

    [Fact]
    public void The_ShortScience_seed_goes_CSV_to_JSONL_to_CSV_byte_for_byte()
    {
        var csv = Write(SeedEntries(), OutputFormat.Csv);

        var back = Convert(Convert(csv, InputFormat.Csv, OutputFormat.Jsonl), InputFormat.Jsonl, OutputFormat.Csv);

        back.Should().Equal(csv);
        using var reader = PaperChunksReader.OpenPaperSummaries(new MemoryStream(csv), null, InputFormat.Csv);
        reader.ReadAll().Should().Equal(SeedEntries());
    }

    [Fact]
    public void Writes_the_first_seed_entry_with_lists_as_JSON_and_a_missing_date_as_an_empty_cell()
    {
        var text = Encoding.UTF8.GetString(Write(SeedEntries(), OutputFormat.Csv));

        text.Should().StartWith(Header + "\nTrust Region Policy Optimization,\"[\"\"Schulman, John\"\",\"\"Levine, Sergey\"\",\"\"Moritz, Philipp\"\",\"\"Jordan, Michael I.\"\",\"\"Abbeel, Pieter\"\"]\",\"Schulman, John and Levine, Sergey and Moritz, Philipp and Jordan, Michael I. and Abbeel, Pieter\",arXiv e-Print archive,2015,Local Bibsonomy,\"[\"\"dblp\"\"]\",,,");
    }

    [Fact]
    public void Rejects_a_column_paper_summaries_do_not_have_naming_it_in_the_header()
    {
        var csv = "title,authors_text,summary,rating\nT,A,S,5\n";
        using var reader = PaperChunksReader.OpenPaperSummaries(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ReaderOptions { SourceName = "p.csv" }, InputFormat.Csv);

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "p.csv:1:28: field \"rating\": expected only the paper-summary columns (title, authors, authors_text, venue, year, listed_via, keywords, first_published, abstract, summary)");
    }

    [Fact]
    public void Reports_a_date_that_is_not_iso_with_its_place()
    {
        var csv = "title,authors_text,summary,first_published\nT,A,S,2015/11/24\n";
        using var reader = PaperChunksReader.OpenPaperSummaries(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ReaderOptions { SourceName = "p.csv" }, InputFormat.Csv);

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<PaperChunksFormatException>().Which.Message.Should().Be(
            "p.csv:2:7: field \"first_published\": expected a date as YYYY-MM-DD or an empty cell, found \"2015/11/24\"");
    }

    private static List<PaperSummaryRecord> SeedEntries()
    {
        using var reader = new ShortScienceReader(new MemoryStream(SeedFiles.Bytes(SeedFiles.ShortScience)));
        return reader.ReadAll().ToList();
    }

    private static byte[] Convert(byte[] input, InputFormat from, OutputFormat to)
    {
        using var reader = PaperChunksReader.OpenPaperSummaries(new MemoryStream(input), null, from);
        return Write(reader.ReadAll().ToList(), to);
    }

    private static byte[] Write(IEnumerable<PaperSummaryRecord> records, OutputFormat format)
    {
        using var output = new MemoryStream();
        using (var writer = PaperChunksWriter.CreatePaperSummaries(output, null, format))
        {
            writer.WriteAll(records);
        }

        return output.ToArray();
    }
}
