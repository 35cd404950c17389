namespace PaperChunks.Text;

/// <summary>
/// Which repairs <see cref="TextNormalizer"/> makes. Every repair is on by default except
/// <see cref="RemoveSciTldrMarkers"/>, which deletes text and so must be asked for.
/// </summary>
public sealed record TextNormalizerOptions
{
    /// <summary>The defaults: every repair on, SciTLDR marker removal off.</summary>
    public static TextNormalizerOptions Default { get; } = new();

    /// <summary>
    /// Repair UTF-8 decoded through Windows-1252, Latin-1, Windows-1250, Windows-1251, MacRoman or CP437, in one
    /// or more layers (<c>Ã©</c> → <c>é</c>, <c>РґРѕСЂРѕРіРµ</c> → <c>дороге</c>), emoji written as surrogate
    /// halves, and C1 controls that are Windows-1252 punctuation, where a decoding is clearly more plausible.
    /// </summary>
    public bool RepairLosslessMojibake { get; init; } = true;

    /// <summary>Repair UTF-8 read as Latin-1 with the C1 bytes dropped, where the context decides (<c>ï¬rst</c> → <c>first</c>).</summary>
    public bool RepairLossyMojibake { get; init; } = true;

    /// <summary>Spell out the ligature code points <c>ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ</c>.</summary>
    public bool ExpandLigatures { get; init; } = true;

    /// <summary>Join spacing diacritics to their letter (<c>J¨urgen</c> → <c>Jürgen</c>).</summary>
    public bool JoinSpacingDiacritics { get; init; } = true;

    /// <summary>Join words broken by a line-break hyphen (<c>par- ticular</c> → <c>particular</c>).</summary>
    public bool JoinHyphenation { get; init; } = true;

    /// <summary>Remove soft hyphens, zero-width and stray control characters.</summary>
    public bool RemoveInvisibleCharacters { get; init; } = true;

    /// <summary>Also make no-break spaces (U+00A0) plain spaces. Off by default: a no-break space is meaningful (<c>SELKÄ\u00A0EDELLÄ</c>, <c>10\u00A0km</c>).</summary>
    public bool ReplaceNoBreakSpaces { get; init; }

    /// <summary>Remove SciTLDR citation and figure markers (<c>BID6</c>, <c>FIG0</c>, <c>TAB2</c>) and their residue. Off by default.</summary>
    public bool RemoveSciTldrMarkers { get; init; }
}
