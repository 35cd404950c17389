using FluentAssertions;
using PaperChunks.Formats.ViewerText;
using PaperChunks.Records;
using Xunit;

namespace PaperChunks.Tests.Formats.ViewerText;

/// <summary>Seed 003: SciTLDR rows, one line per cell, full texts up to 149k characters on one line.</summary>
public class ViewerSummarizationReaderTests
{
    private const string PaperIds =
        "SJzuHiA9tQ rJeyV2AcKX HyxgBerKwB SJxIkkSKwB HJg4E8IFdE H1xsSjC9Ym BkeDGJBKvB SygaYANFPr H1g-gk5EuQ rJa90ceAb SygAlRLvoX BygfrANKvB "
        + "rJgUsFYnir HyrCWeWCb HkCnm-bAb rkGqLoR5tX rJ8rHkWRb HkTEFfZRb SJxbps09K7 BkglepEFDS SJyfrl-0b BkgM7xHYwH rklNwjCcYm SkxbDsR9Ym "
        + "H1xEtoRqtQ ByeLmn0qtX SJxSDxrKDr BJOFETxR- B1lKtjA9FQ S1lTg3RcFm rylV-2C9KQ B1J_rgWRW BypdvewVM rypT3fb0b HJgRCyHFDr ryE98iR5tm "
        + "HJtPtdqQG S1x63TEYvr HygDF1rYDB S1lF8xHYwS BkOswnc5z SkgzYiRqtX H1lKd6NYPS BJgqqsAct7 HkgGWM3som SyMvJrdaW B1xBAA4FwH HJf2ds2ssm "
        + "SJICXeWAb HJlNpoA5YQ BJxqohNFPB H1fWoYhdim Hy7fDog0b SJeFNoRcFQ SyxKiVmedV S1gwC1StwS HJnQJXbC- r15kjpHa- SyxYnQ398H ryxnHhRqFm "
        + "BJlc6iA5YX SJlVY04FwH BkghJoRNO4 H1l7AkrFPS H1e0-30qKm B1epooR5FX rkmtTJZCb B1lXGnRctX H1gwRx5T6Q BkedwoC5t7 rylxrsR9Fm HJgkx2Aqt7 "
        + "rygtPhVtDS r1x1kJHKDH SyL9u-WA- BJ4AFsRcFQ HyesW2C9YQ SyxV9ANFDH rylejExC- B1e5NySKwH SyVpB2RqFX H1l8sz-AW rygMWT4twS SJfb5jCqKm "
        + "S1xSSTNKDB rklf4IUtOE S1leV7t8IB SJCPLLpaW H1GLm2R9Km Bke0rjR5F7 ByJ7obb0b S1eik6EtPB SygD-hCcF7 S1DWPP1A- H1O0KGC6b BJRZzFlRb "
        + "HyxCxhRcY7 H1lDSCEYPH ryUlhzWCZ BygbVL8KO4";

    [Fact]
    public void Reads_all_100_rows_in_file_order()
    {
        var rows = Read();

        rows.Select(r => r.PaperId).Should().Equal(PaperIds.Split(' '));
        rows.Should().OnlyContain(r => r.Shape == SummarizationShape.Flattened && r.Source.Count == 1 && r.Target.Count == 1);
        rows.Sum(r => r.SourceLabels.Count).Should().Be(21744);
        rows.Max(r => r.Source[0].Length).Should().Be(148871);
    }

    [Fact]
    public void Every_row_has_exactly_one_label_1()
    {
        var rows = Read();

        rows.Should().HaveCount(100).And.OnlyContain(r => r.SourceLabels.Count(l => l == 1) == 1 && r.SourceLabels.All(l => l == 0 || l == 1));
    }

    [Fact]
    public void Reads_the_first_and_last_rows_field_by_field()
    {
        var rows = Read();

        rows[0].Source[0].Should().StartWith("Generative Adversarial Networks (GANs) have proven to be a p")
            .And.EndWith("ng food with a sink and stainless steel appliances").And.HaveLength(30449);
        rows[0].SourceLabels.Should().HaveCount(170);
        rows[0].SourceLabels.ToList().IndexOf(1).Should().Be(0);
        rows[0].PaperId.Should().Be("SJzuHiA9tQ");
        rows[0].Target.Should().Equal("Generative Adversarial Network Training is a Continual Learning Problem.");
        rows[0].Title.Should().BeNull();
        rows[0].RougeScores.Should().BeNull();

        rows[^1].Source[0].Should().StartWith("Recently, Generative Adversarial Networks (GANs) have emerge")
            .And.EndWith("imulations and provided some theoretical insights.").And.HaveLength(32079);
        rows[^1].SourceLabels.Should().HaveCount(223);
        rows[^1].SourceLabels.ToList().IndexOf(1).Should().Be(60);
        rows[^1].PaperId.Should().Be("BygbVL8KO4");
        rows[^1].Target.Should().Equal("An unsupervised learning approach for separating two structured signals from their superposition");
    }

    [Fact]
    public void Reads_the_header_with_a_sequence_column_without_statistics()
    {
        using var reader = new ViewerSummarizationReader(SeedFiles.PathOf(SeedFiles.SciTldrLines));
        reader.Read();

        reader.Columns.Should().Equal(
            new ViewerColumn("source", "stringlengths", "273", "149k", false),
            new ViewerColumn("source_labels", "sequence", null, null, false),
            new ViewerColumn("paper_id", "stringlengths", "9", "11", false),
            new ViewerColumn("target", "stringlengths", "18", "668", false));
    }

    [Fact]
    public void Rejects_a_chunk_header_with_the_summarization_reader()
    {
        using var reader = new ViewerSummarizationReader(SeedFiles.PathOf(SeedFiles.ChunkLines));

        var read = () => reader.Read();

        read.Should().Throw<PaperChunksFormatException>().Which.Message.Should().EndWith(
            ":1: expected a SciTLDR header with the columns source, paper_id and target, found no paper_id, target (columns: doi, chunk-id, chunk, id, title, summary, source, authors, categories, comment, journal_ref, primary_category, published, updated, references)");
    }

    private static List<SummarizationRecord> Read()
    {
        using var reader = new ViewerSummarizationReader(SeedFiles.PathOf(SeedFiles.SciTldrLines));
        return reader.ReadAll().ToList();
    }
}
