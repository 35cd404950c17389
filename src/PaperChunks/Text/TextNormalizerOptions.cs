namespace PaperChunks.Text;

/// <summary>
/// Which repairs <see cref="TextNormalizer"/> makes. Every repair is on by default except
/// <see cref="RemoveSciTldrMarkers"/>, which deletes text and so must be asked for.
/// </summary>
public sealed record TextNormalizerOptions
{
    /// <summary>The defaults: every repair on, SciTLDR marker removal off.</summary>
    public static TextNormalizerOptions Default { get; } = new();

    /// <summary>Repair UTF-8 decoded as Windows-1252 or Latin-1, once or twice (<c>Ã©</c> → <c>é</c>).</summary>
    public bool RepairLosslessMojibake { get; init; } = true;

    /// <summary>Repair UTF-8 read as Latin-1 with the C1 bytes dropped, where the context decides (<c>ï¬rst</c> → <c>first</c>).</summary>
    public bool RepairLossyMojibake { get; init; } = true;

    /// <summary>Spell out the ligature code points <c>ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ</c>.</summary>
    public bool ExpandLigatures { get; init; } = true;

    /// <summary>Join spacing diacritics to their letter (<c>J¨urgen</c> → <c>Jürgen</c>).</summary>
    public bool JoinSpacingDiacritics { get; init; } = true;

    /// <summary>Join words broken by a line-break hyphen (<c>par- ticular</c> → <c>particular</c>).</summary>
    public bool JoinHyphenation { get; init; } = true;

    /// <summary>Remove soft hyphens, zero-width and stray control characters; make no-break spaces spaces.</summary>
    public bool RemoveInvisibleCharacters { get; init; } = true;

    /// <summary>Remove SciTLDR citation and figure markers (<c>BID6</c>, <c>FIG0</c>, <c>TAB2</c>) and their residue. Off by default.</summary>
    public bool RemoveSciTldrMarkers { get; init; }
}
