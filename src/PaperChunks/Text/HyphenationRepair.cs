namespace PaperChunks.Text;

/// <summary>
/// A word broken at a line end keeps its hyphen and gains a space once the lines are joined
/// (<c>par- ticular</c>). For each letter, hyphen, space, letter sequence, in this order:
/// the document or corpus spells the pair with a hyphen (<c>pre-trained</c>) → keep the hyphen;
/// the joined word is attested (document, corpus, lexicon) → join, unless the part before is a prefix scientific
/// writers hyphenate and frequency does not make the closed word the usual spelling (<c>non- trivial</c>); the part before is itself a compound
/// (<c>state-of-the- art</c>), the part after continues a compound (<c>item- to-item</c>), both parts are
/// dictionary words of three letters or more (<c>warm- starts</c>) or the first is an acronym
/// (<c>RNN- based</c>) → keep the hyphen; otherwise leave it and report it as undecided. A capital after a
/// lower-case fragment (<c>vocab- In</c>) is text from another column and is reported.
/// A suspended hyphen (<c>pre- and post-training</c>) is not a break and is not touched.
/// </summary>
internal sealed class HyphenationRepair : TextRepair
{
    private static readonly string[] s_suspendedFollowers = ["and", "or", "nor", "to", "as"];

    // Prefixes scientific English mostly hyphenates before a word (non-convex, self-attention, multi-scale); not
    // re-, de-, co-, pre-, which make closed words (descent, covariate, preprocessing).
    private static readonly string[] s_hyphenatedPrefixes = ["non", "self", "semi", "quasi", "pseudo", "anti", "multi"];

    public HyphenationRepair()
        : base(null)
    {
    }

    public override RepairKind Kind => RepairKind.Hyphenation;

    /// <summary>
    /// Whether the hyphen at <paramref name="hyphen"/> may be a line break: a space after it, letters on both
    /// sides, and not a suspended hyphen (<c>low- and high-order</c>).
    /// </summary>
    public static bool IsCandidate(string text, int hyphen)
    {
        if (At(text, hyphen + 1) != ' ' || !IsLetterAt(text, hyphen - 1) || !IsLetterAt(text, hyphen + 2))
            return false;
        var end = hyphen + 2;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return !IsSuspended(text, hyphen + 2, end);
    }

    private static bool IsSuspended(string text, int secondStart, int end)
    {
        if (At(text, end) == '-' && IsLetterAt(text, end + 1))
            return false;
        var second = text.AsSpan(secondStart, end - secondStart);
        foreach (var follower in s_suspendedFollowers)
        {
            if (second.SequenceEqual(follower))
                return true;
        }
        return false;
    }

    public override string Apply(string text, RepairSession session)
    {
        var i = text.IndexOf("- ", StringComparison.Ordinal);
        if (i < 0)
            return text;
        var rewriter = new TextRewriter(text, session, Kind);
        while (i >= 0)
        {
            // A hyphen inside a span an earlier decision already rewrote (the chain order- stan- dard) is done.
            if (i >= rewriter.Position && IsCandidate(text, i))
                Decide(text, i, rewriter, session);
            i = i + 2 < text.Length ? text.IndexOf("- ", i + 2, StringComparison.Ordinal) : -1;
        }
        return rewriter.Finish();
    }

    private void Decide(string text, int hyphen, TextRewriter rewriter, RepairSession session)
    {
        var partStart = hyphen;
        while (partStart > rewriter.Position && char.IsLetter(text[partStart - 1])) partStart--;
        // The part before ends a word the previous decision rewrote (a- b- c): it cannot be judged again.
        if (partStart == hyphen)
        {
            session.Undecide(Kind, text, hyphen, 2, "the part before the hyphen ends a word already joined at the previous line break");
            return;
        }
        var compoundStart = partStart;
        while (compoundStart > 1 && text[compoundStart - 1] == '-' && char.IsLetter(text[compoundStart - 2]))
        {
            compoundStart--;
            while (compoundStart > 0 && char.IsLetter(text[compoundStart - 1])) compoundStart--;
        }
        var end = WordEnd(text, hyphen + 2);
        var first = text[partStart..hyphen];
        var second = text[(hyphen + 2)..end];
        // A word broken twice (stan- dard after order- ): the part after is the joined word when that is attested.
        while (At(text, end) == '-' && IsCandidate(text, end))
        {
            var nextEnd = WordEnd(text, end + 2);
            var joined = second + text[(end + 2)..nextEnd];
            if (WordEvidence.Of(joined, text, session.Vocabulary) == WordEvidence.None)
                break;
            second = joined;
            end = nextEnd;
        }
        var continuesCompound = At(text, end) == '-' && IsLetterAt(text, end + 1);

        // A capital after a lower-case fragment (vocab- In 2016) is text from another column, not a word's end.
        if (char.IsLower(first[^1]) && char.IsUpper(second[0]) && !continuesCompound)
        {
            session.Undecide(Kind, text, hyphen, 2, $"\"{second}\" starts with a capital after \"{first}\": not the rest of a broken word");
            return;
        }

        var hyphenated = first + "-" + second;
        var vocabulary = session.Vocabulary;
        if (WordEvidence.ContainsWholeWord(text, hyphenated) || (vocabulary?.ContainsCompound(hyphenated) ?? false)
            || (vocabulary?.ContainsCompound(text[compoundStart..hyphen] + "-" + second) ?? false))
        {
            rewriter.Replace(partStart, end - partStart, hyphenated);
            return;
        }
        var joinedEvidence = WordEvidence.Of(first + second, text, vocabulary);
        if (joinedEvidence > WordEvidence.None)
        {
            rewriter.Replace(partStart, end - partStart, AuthorWroteTheHyphen(first, second, joinedEvidence) ? hyphenated : first + second);
            return;
        }
        var lexicon = Lexicon.English;
        var secondIsWord = char.IsLower(second[0]) && second.Length >= 3 && lexicon.ContainsInflected(second);
        var firstIsWord = first.Length >= 3 && lexicon.ContainsInflected(first.ToLowerInvariant());
        var firstIsAcronym = first.Length >= 2 && IsUpper(first);
        if ((secondIsWord && (compoundStart < partStart || firstIsWord || firstIsAcronym)) || continuesCompound)
        {
            rewriter.Replace(partStart, end - partStart, hyphenated);
            return;
        }
        session.Undecide(Kind, text, hyphen, 2,
            $"\"{first}{second}\" is not a known word and \"{hyphenated}\" is not a known compound");
    }

    /// <summary>
    /// Whether a break right after a prefix scientific writers hyphenate (<c>non- trivial</c>, <c>multi- scale</c>)
    /// is the author's hyphen: the joined word is known only to the lexicon (not the document or corpus), the
    /// part after is a word of its own, and the joined word is not among the most common English words
    /// (<see cref="WordBands"/> size 10 or 20: <c>nonsense</c>, <c>nonetheless</c>). A line break falls after such a
    /// prefix whether or not the author wrote a hyphen there, so the visible hyphen is kept unless frequency says
    /// the closed word is the usual spelling.
    /// </summary>
    private static bool AuthorWroteTheHyphen(string first, string second, int joinedEvidence)
    {
        if (joinedEvidence == WordEvidence.Document || second.Length < 3 || !char.IsLower(second[0]))
            return false;
        var prefix = first.ToLowerInvariant();
        if (Array.IndexOf(s_hyphenatedPrefixes, prefix) < 0 || !Lexicon.English.ContainsInflected(second))
            return false;
        return WordBands.English.BandOf(prefix + second) > 20;
    }

    private static int WordEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return end;
    }

    private static bool IsUpper(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
                return false;
        }
        return true;
    }
}
