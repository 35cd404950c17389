using System.Buffers;
using System.Text.Encodings.Web;

namespace PaperChunks.Formats.Jsonl;

/// <summary>
/// Escapes only what RFC 8259 requires: <c>"</c>, <c>\</c> and C0 controls. The built-in encoders,
/// even <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, also escape NBSP, soft hyphens and
/// other format characters, which would rewrite real corpus text (<c>[email\u00A0protected]</c>) on a
/// read → write round trip.
/// </summary>
internal sealed class MinimalJsonEncoder : JavaScriptEncoder
{
    public static readonly MinimalJsonEncoder Instance = new();

    private static readonly SearchValues<char> MustEscapeChars = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    // The same set as bytes: every escaped character is ASCII.
    private static readonly SearchValues<byte> MustEscapeBytes = SearchValues.Create(
        [(byte)'"', (byte)'\\', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override int FindFirstCharacterToEncodeUtf8(ReadOnlySpan<byte> utf8Text) => utf8Text.IndexOfAny(MustEscapeBytes);

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        new ReadOnlySpan<char>(text, textLength).IndexOfAny(MustEscapeChars);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var output = new Span<char>(buffer, bufferLength);
        ReadOnlySpan<char> escape = unicodeScalar switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            < 0x20 => $"\\u{unicodeScalar:X4}",
            _ => char.ConvertFromUtf32(unicodeScalar),
        };
        if (!escape.TryCopyTo(output))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        numberOfCharactersWritten = escape.Length;
        return true;
    }
}
