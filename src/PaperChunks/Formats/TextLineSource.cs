using System.Text;

namespace PaperChunks.Formats;

/// <summary>
/// Lines of a text input, synchronously or asynchronously, with their 1-based numbers. Unlike
/// <see cref="TextReader.ReadLine"/> a line longer than the limit fails with a located error instead of
/// growing without bound. LF and CRLF both end a line; a final line without a break is still a line.
/// </summary>
internal sealed class TextLineSource : IDisposable
{
    private const char InvalidMark = '\uFFFF';

    private readonly TextReader _reader;
    private readonly string _sourceName;
    private readonly int _maxLineChars;
    private readonly StringBuilder _line = new();
    private readonly char[] _buffer = new char[1 << 16];
    private int _position;
    private int _length;
    private bool _ended;

    public TextLineSource(Stream stream, string sourceName, int maxLineChars)
    {
        // A byte that is not UTF-8 becomes U+FFFF (a noncharacter no text carries), found again when its line is
        // taken, so the error names the exact line and column instead of the data getting a silent U+FFFD.
        var utf8 = (Encoding)new UTF8Encoding(false).Clone();
        utf8.DecoderFallback = new DecoderReplacementFallback(InvalidMark.ToString());
        _reader = new StreamReader(stream, utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        _sourceName = sourceName;
        _maxLineChars = maxLineChars;
    }

    /// <summary>Number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Whether the line last returned ended in a line break; false for a last line the end of the input cut.</summary>
    public bool LineHadBreak { get; private set; }

    public string? ReadLine()
    {
        _line.Clear();
        while (true)
        {
            if (_position == _length)
            {
                if (_ended)
                {
                    return TakeLastLine();
                }

                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                _ended = _length == 0;
                continue;
            }

            if (TryTakeLine(out var line))
            {
                return line;
            }
        }
    }

    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _line.Clear();
        while (true)
        {
            if (_position == _length)
            {
                if (_ended)
                {
                    return TakeLastLine();
                }

                _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                _position = 0;
                _ended = _length == 0;
                continue;
            }

            if (TryTakeLine(out var line))
            {
                return line;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private bool TryTakeLine(out string? line)
    {
        var available = _buffer.AsSpan(_position, _length - _position);
        var newline = available.IndexOf('\n');
        var piece = newline < 0 ? available : available[..newline];
        if (_line.Length + piece.Length > _maxLineChars)
        {
            throw new PaperChunksFormatException(
                _sourceName, LineNumber + 1, 0, null, $"expected a line of at most {_maxLineChars} characters (ReaderOptions.MaxRowBytes), found a longer one");
        }

        _line.Append(piece);
        if (newline < 0)
        {
            _position = _length;
            line = null;
            return false;
        }

        _position += newline + 1;
        LineHadBreak = true;
        line = Finish();
        return true;
    }

    private string? TakeLastLine()
    {
        if (_line.Length == 0)
        {
            return null;
        }

        LineHadBreak = false;
        return Finish();
    }

    private string Finish()
    {
        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        LineNumber++;
        var text = _line.ToString();
        _line.Clear();
        var invalid = text.IndexOf(InvalidMark, StringComparison.Ordinal);
        if (invalid >= 0)
        {
            throw new PaperChunksFormatException(_sourceName, LineNumber, invalid + 1, null, "expected UTF-8 text, found bytes that are not UTF-8 (is the file in another encoding?)");
        }

        return text;
    }
}
