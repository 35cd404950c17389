using CsCheck;
using FluentAssertions;
using PaperChunks.Formats.HubDataset;
using Xunit;
using YamlDotNet.Serialization;

namespace PaperChunks.Tests.Formats.HubDataset;

public class DatasetCardYamlTests
{
    // Scalars the emitter must quote or fold: a leading '*' (an alias), ": " and " #" (a key, a comment), a single
    // quote, an empty string, a line break; "true" stays plain, as the serializer leaves it.
    private static readonly Dictionary<string, object> s_card = new()
    {
        ["dataset_info"] = new Dictionary<string, object>
        {
            ["features"] = new List<object>
            {
                new Dictionary<string, object> { ["name"] = "*-id", ["dtype"] = "int64" },
                new Dictionary<string, object> { ["name"] = "authors", ["sequence"] = "string" },
                new Dictionary<string, object> { ["name"] = "references", ["list"] = new List<object> { new Dictionary<string, object> { ["name"] = "id", ["dtype"] = "string" } } },
                new Dictionary<string, object> { ["name"] = "meta: x", ["struct"] = new List<object> { new Dictionary<string, object> { ["name"] = "true", ["dtype"] = "bool" }, new Dictionary<string, object> { ["name"] = "", ["dtype"] = "string" } } },
                new Dictionary<string, object> { ["name"] = "it's #1", ["sequence"] = new Dictionary<string, object> { ["sequence"] = "float64" } },
                new Dictionary<string, object> { ["name"] = "two\nlines é", ["dtype"] = "binary" },
            },
            ["splits"] = new List<object> { new Dictionary<string, object> { ["name"] = "train", ["num_bytes"] = 113886L, ["num_examples"] = 100L } },
            ["download_size"] = 75501L,
            ["dataset_size"] = 0L,
            ["none"] = new List<object>(),
        },
    };

    [Fact]
    public void Writes_a_card_tree_quoting_only_what_YAML_needs()
    {
        var yaml = DatasetCardYaml.Of(s_card).ReplaceLineEndings("\n");

        yaml.Should().Be("""
            dataset_info:
              features:
              - name: '*-id'
                dtype: int64
              - name: authors
                sequence: string
              - name: references
                list:
                - name: id
                  dtype: string
              - name: 'meta: x'
                struct:
                - name: true
                  dtype: bool
                - name: ''
                  dtype: string
              - name: "it's #1"
                sequence:
                  sequence: float64
              - name: >-
                  two

                  lines é
                dtype: binary
              splits:
              - name: train
                num_bytes: 113886
                num_examples: 100
              download_size: 75501
              dataset_size: 0
              none: []

            """);
    }

    [Fact]
    public void Writes_an_empty_list_in_flow_style()
    {
        DatasetCardYaml.Of(new List<object>()).ReplaceLineEndings("\n").Should().Be("[]\n");
    }

    // The card was written by YamlDotNet's reflection-based serializer before NativeAOT; cards written since must not
    // differ from the ones already on the Hub by a byte.
    [Fact]
    public void Writes_any_card_tree_byte_for_byte_as_YamlDotNets_serializer()
    {
        var serializer = new SerializerBuilder().Build();
        Tree.Sample(tree => DatasetCardYaml.Of(tree) == serializer.Serialize(tree), iter: 2000);
    }

    [Fact]
    public void Refuses_a_node_the_card_cannot_hold()
    {
        var act = () => DatasetCardYaml.Of(new Dictionary<string, object> { ["size"] = 1.5 });

        act.Should().Throw<ArgumentException>().WithMessage("a dataset card holds mappings, lists, strings and integers, not Double*");
    }

    // Trees of the card's node types, with text drawn from the characters that change how YAML writes a scalar.
    private static readonly Gen<string> Text =
        Gen.Char[" -:#*&!|>'\"%@`?,[]{}~.\n\t\r\\é\u00A0\u2028\u0085\ufeffaZ09"].Array[0, 12].Select(chars => new string(chars));

    private static readonly Gen<object> Scalar = Gen.OneOf(Text.Select(s => (object)s), Gen.Long.Select(n => (object)n));

    private static readonly Gen<object> Tree = Node(3);

    private static Gen<object> Node(int depth) => depth == 0
        ? Scalar
        : Gen.OneOf(
            Scalar,
            Node(depth - 1).List[0, 4].Select(items => (object)items),
            Gen.Select(Text, Node(depth - 1)).Array[0, 4].Select(pairs =>
            {
                var mapping = new Dictionary<string, object>();
                foreach (var (key, value) in pairs)
                {
                    mapping[key] = value;
                }

                return (object)mapping;
            }));
}
