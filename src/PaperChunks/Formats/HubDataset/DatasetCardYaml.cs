using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization.Schemas;

namespace PaperChunks.Formats.HubDataset;

/// <summary>
/// The YAML text of a dataset card's tree (<see cref="Dictionary{TKey, TValue}"/> of string keys, <see cref="List{T}"/>
/// of nodes, <see cref="string"/>, <see cref="long"/>), byte for byte as YamlDotNet's default serializer
/// (<c>new SerializerBuilder().Build()</c>) writes it, through YamlDotNet's <see cref="Emitter"/> alone: the serializer
/// walks the tree by reflection, which a NativeAOT build of the tool cannot rely on, and the emitter is what picks
/// every style, quote and indent either way.
/// </summary>
internal static class DatasetCardYaml
{
    /// <summary>The tree as one YAML document with no <c>---</c> or <c>...</c> markers, lines ending as the platform's.</summary>
    /// <exception cref="ArgumentException">A node of another type.</exception>
    public static string Of(object tree)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text, EmitterSettings.Default);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(emitter, tree);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    // The events the serializer's chain (TypeAssigningEventEmitter, then WriterEventEmitter) makes of each node: a
    // string keeps style Any, a number gets Plain, both tagged plain-implicit (so the tag is never written), and
    // collections not implicit and untagged.
    private static void Emit(Emitter emitter, object node)
    {
        switch (node)
        {
            case string text:
                emitter.Emit(new Scalar(AnchorName.Empty, FailsafeSchema.Tags.Str, text, ScalarStyle.Any, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case long number:
                emitter.Emit(new Scalar(AnchorName.Empty, JsonSchema.Tags.Int, number.ToString(CultureInfo.InvariantCulture), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            case Dictionary<string, object> mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: false, MappingStyle.Any));
                foreach (var (key, value) in mapping)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case List<object> sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: false, SequenceStyle.Any));
                foreach (var item in sequence)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new ArgumentException($"a dataset card holds mappings, lists, strings and integers, not {node.GetType().Name}", nameof(node));
        }
    }
}
