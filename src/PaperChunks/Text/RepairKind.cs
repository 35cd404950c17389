namespace PaperChunks.Text;

/// <summary>The kinds of PDF-extraction damage <see cref="TextNormalizer"/> repairs (see docs/normalization.md).</summary>
public enum RepairKind
{
    /// <summary>UTF-8 decoded as Windows-1252 or Latin-1, once or twice, with every byte still present (<c>Ã©</c> → <c>é</c>).</summary>
    LosslessMojibake,

    /// <summary>UTF-8 read as Latin-1 after the C1 bytes 0x80–0x9F were dropped (<c>ï¬rst</c> → <c>first</c>, <c>315â323</c> → <c>315–323</c>).</summary>
    LossyMojibake,

    /// <summary>Ligature code points U+FB00–U+FB06 spelled out as letters (<c>ﬁ</c> → <c>fi</c>).</summary>
    Ligature,

    /// <summary>A spacing diacritic joined to its letter in NFC (<c>J¨urgen</c> → <c>Jürgen</c>).</summary>
    SpacingDiacritic,

    /// <summary>A word broken across a line by a hyphen and a space, joined again (<c>par- ticular</c> → <c>particular</c>).</summary>
    Hyphenation,

    /// <summary>Soft hyphens, zero-width characters and stray control characters removed; no-break space made a space.</summary>
    InvisibleCharacter,

    /// <summary>SciTLDR citation and figure markers (<c>BID6</c>, <c>FIG0</c>, <c>TAB2</c>) and their residue (<c>(; ;)</c>) removed.</summary>
    SciTldrMarker,
}
