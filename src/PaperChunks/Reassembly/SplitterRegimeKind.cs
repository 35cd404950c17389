using System.Text.Json.Serialization;

namespace PaperChunks.Reassembly;

/// <summary>The kind of splitter a paper's chunks look cut by, learned from its unambiguous joints.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SplitterRegimeKind>))]
public enum SplitterRegimeKind
{
    /// <summary>Too few joints to tell, and no earlier paper of the input to borrow from.</summary>
    Unknown,

    /// <summary>Windows of a fixed number of characters (Chonkie's character <c>TokenChunker</c>): equal chunk lengths, a constant overlap, cuts anywhere.</summary>
    FixedWindow,

    /// <summary>Token windows (LangChain <c>TokenTextSplitter</c>, Chonkie with a BPE tokenizer): cuts mid-word, whitespace kept, an overlap at every joint.</summary>
    TokenWindow,

    /// <summary>A recursive character splitter (LangChain <c>RecursiveCharacterTextSplitter</c>): whole-word overlaps up to a budget, whitespace stripped at the ends.</summary>
    Recursive,

    /// <summary>A sentence splitter under a token budget (LlamaIndex <c>SentenceSplitter</c>): whole-sentence overlaps, chunks end at sentence ends.</summary>
    Sentence,

    /// <summary>Chunks that do not overlap (a sentence chunker, windows without overlap).</summary>
    NoOverlap,
}
