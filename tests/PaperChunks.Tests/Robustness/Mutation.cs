using System.Text;
using CsCheck;

namespace PaperChunks.Tests.Robustness;

/// <summary>One damage done to a file's bytes, the way dumps really arrive broken.</summary>
internal sealed record Mutation(MutationKind Kind, double Where, int Choice)
{
    private static readonly byte[][] Insertions =
    [
        [0x00],                                            // NUL
        [0xFF],                                            // never valid in UTF-8
        [0xC3, 0x28],                                      // broken two-byte sequence
        [0xED, 0xA0, 0x80],                                // encoded surrogate
        Encoding.ASCII.GetBytes("99999999999999999999999999999"),
        Encoding.ASCII.GetBytes("1e999999"),
        Encoding.ASCII.GetBytes(new string('[', 300)),    // deep nesting
        Encoding.ASCII.GetBytes("\""),
        Encoding.ASCII.GetBytes("\n"),
        Encoding.ASCII.GetBytes(" | "),
        Encoding.ASCII.GetBytes("null"),
    ];

    public static Gen<Mutation> Gen { get; } = CsCheck.Gen.Select(
        CsCheck.Gen.Enum<MutationKind>(), CsCheck.Gen.Double[0, 1], CsCheck.Gen.Int[0, 1000],
        (kind, where, choice) => new Mutation(kind, where, choice));

    public static Gen<Mutation[]> Several { get; } = Gen.Array[1, 4];

    public byte[] ApplyTo(byte[] bytes)
    {
        var at = (int)(Where * bytes.Length);
        return Kind switch
        {
            MutationKind.FlipBit => Flip(bytes, at),
            MutationKind.Insert => [.. bytes.AsSpan(0, at), .. Insertions[Choice % Insertions.Length], .. bytes.AsSpan(at)],
            MutationKind.Delete => [.. bytes.AsSpan(0, at), .. bytes.AsSpan(Math.Min(bytes.Length, at + 1 + (Choice % 64)))],
            MutationKind.Truncate => bytes[..at],
            MutationKind.Duplicate => [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at, Math.Min(Choice, bytes.Length - at)), .. bytes.AsSpan(at)],
            _ => bytes,
        };
    }

    private byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        if (at < copy.Length)
        {
            copy[at] ^= (byte)(1 << (Choice % 8));
        }

        return copy;
    }
}

internal enum MutationKind
{
    FlipBit,
    Insert,
    Delete,
    Truncate,
    Duplicate,
}
