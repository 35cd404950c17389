namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Parses one JSON line into a record for a reader that parses blocks of lines on several threads. A
/// parser may learn facts about the file from its rows (the column types of a schema variant); forks
/// start from what this one has learnt, and <see cref="Learned"/> tells whether a fork learnt more.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal abstract class JsonLineParser<T>
    where T : class
{
    /// <summary>How many facts about the file this parser has learnt; it only grows.</summary>
    public abstract int Learned { get; }

    /// <summary>Parses one non-blank line.</summary>
    /// <param name="line">The line's bytes, without its line break.</param>
    /// <exception cref="JsonRowException">The row is malformed.</exception>
    public abstract T Parse(ReadOnlySpan<byte> line);

    /// <summary>A new parser for another thread that knows what this one has learnt.</summary>
    public abstract JsonLineParser<T> Fork();
}
