using System.Buffers;
using System.Text;

namespace PaperChunks.Text;

/// <summary>
/// One single-byte code page that UTF-8 is commonly mis-decoded with: its 256 characters, and the way back
/// from a character to its byte. "Sloppy" as in ftfy: a byte the code page leaves undefined stands for the
/// Latin-1 character of the same value, so text that went through such a decoder still maps back. The
/// Windows-1252 table also takes every Latin-1 C1 character, so text decoded partly as Latin-1 and partly as
/// Windows-1252 (<c>Ã\u0083Â©</c> beside <c>Ãƒ</c>) maps back too.
/// </summary>
internal sealed class MojibakeCodec
{
    private static readonly SearchValues<char> s_cp437Telltales = SearchValues.Create("├┬─┼╬╧╨╤Γ≡");

    private readonly byte[] _byteOf = new byte[0x10000];

    private MojibakeCodec(string name, int codePage)
    {
        Name = name;
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
        Span<byte> one = stackalloc byte[1];
        for (var b = 0x80; b < 0x100; b++)
        {
            one[0] = (byte)b;
            var decoded = encoding.GetString(one);
            var c = decoded.Length == 1 && decoded[0] != '\uFFFD' && decoded[0] != '?' ? decoded[0] : (char)b;
            _byteOf[c] = (byte)b;
        }
        if (codePage == 1252)
        {
            for (var b = 0x80; b < 0x100; b++)
                _byteOf[b] = _byteOf[b] == 0 ? (byte)b : _byteOf[b];
        }
        for (var b = 0x80; b < 0xA0; b++)
        {
            if (_byteOf[b] == 0)
                _byteOf[b] = (byte)b;
        }
    }

    /// <summary>Windows-1252 and Latin-1 (sloppy), Windows-1250, Windows-1251, MacRoman, CP437: the order ftfy tries them in, roughly.</summary>
    // An array, not IReadOnlyList: the clean-text scan loops over it and must not allocate an enumerator.
    public static readonly MojibakeCodec[] All = Create();

    /// <summary>Windows-1252 (sloppy, with Latin-1's C1 characters).</summary>
    public static MojibakeCodec Windows1252 => All[0];

    public string Name { get; }

    /// <summary>
    /// Whether <paramref name="run"/> shows a sign of this code page that good text does not: CP437 turns
    /// Greek and math (π Σ σ δ) into leads, so Greek and math text could decode (<c>πÖé</c> → U+3642); it
    /// needs a box-drawing lead (├ ┬ ─ ┼ ╬ ╧ ╨ ╤), Γ (E2: punctuation and math) or ≡ (F0: emoji). The others need none.
    /// </summary>
    public static bool Telltale(MojibakeCodec codec, string run)
    {
        return codec.Name != "CP437" || run.AsSpan().IndexOfAny(s_cp437Telltales) >= 0;
    }

    /// <summary>The byte <paramref name="c"/> stands for in this code page; 0 when it has none (ASCII is itself).</summary>
    public byte ByteOf(char c) => c < 0x80 ? (byte)c : _byteOf[c];

    private static MojibakeCodec[] Create()
    {
        // Windows-1252 is in every .NET; the others come from CodePagesEncodingProvider, part of the shared
        // framework since .NET Core 3.0 (no package), used directly rather than registered globally.
        return
        [
            new MojibakeCodec("Windows-1252", 1252),
            new MojibakeCodec("Windows-1250", 1250),
            new MojibakeCodec("Windows-1251", 1251),
            new MojibakeCodec("MacRoman", 10000),
            new MojibakeCodec("CP437", 437),
        ];
    }
}
