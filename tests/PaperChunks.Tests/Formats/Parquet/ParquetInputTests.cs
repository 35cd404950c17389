using System.Collections.ObjectModel;
using FluentAssertions;
using PaperChunks.Formats.Parquet;
using Xunit;

namespace PaperChunks.Tests.Formats.Parquet;

public class ParquetInputTests
{
    [Fact]
    public void Takes_a_NotSupportedException_Parquet_Net_throws_for_what_it_has_no_case_for_as_damage()
    {
        // What a footer type Parquet.Net dropped (DateTimeOffset) makes it throw, from its own DataField constructor.
        var thrown = Catch(() => _ = new global::Parquet.Schema.DataField("when", typeof(DateTimeOffset)));

        thrown.Should().BeOfType<NotSupportedException>();
        ParquetInput.IsThrownByParquet(thrown).Should().BeTrue();
        ParquetInput.IsCorruption(thrown).Should().BeTrue();
    }

    [Fact]
    public void Does_not_take_a_NotSupportedException_the_runtime_throws_as_damage()
    {
        // As a NativeAOT build throws one from the runtime's reflection ("... is missing native code"): it says
        // nothing about the file, so it must surface as the failure it is.
        var thrown = Catch(() => ((IList<int>)new ReadOnlyCollection<int>([1])).Add(2));

        thrown.Should().BeOfType<NotSupportedException>();
        ParquetInput.IsCorruption(thrown).Should().BeFalse();
    }

    [Fact]
    public void Does_not_take_an_InvalidOperationException_or_null_reference_of_ours_as_damage()
    {
        var ours = Catch(() => throw new InvalidOperationException("a bug of ours"));
        var nullReference = Catch(() => _ = ((string?)null)!.Length);

        ParquetInput.IsCorruption(ours).Should().BeFalse();
        ParquetInput.IsCorruption(nullReference).Should().BeFalse();
    }

    [Fact]
    public void Does_not_take_an_exception_that_was_never_thrown_as_Parquet_Nets()
    {
        ParquetInput.IsThrownByParquet(new InvalidOperationException("dictionary already read")).Should().BeFalse();
    }

    [Fact]
    public void Takes_damage_types_as_damage_wherever_they_were_thrown()
    {
        ParquetInput.IsCorruption(Catch(() => throw new InvalidDataException("bad page"))).Should().BeTrue();
        ParquetInput.IsCorruption(Catch(() => _ = Array.Empty<int>()[Environment.ProcessorCount])).Should().BeTrue();
    }

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("expected the action to throw");
    }
}
