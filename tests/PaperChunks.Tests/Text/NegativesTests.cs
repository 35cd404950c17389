using FluentAssertions;
using PaperChunks.Text;
using Xunit;

namespace PaperChunks.Tests.Text;

/// <summary>Good text must come out byte-identical, as the same instance, with nothing reported.</summary>
public sealed class NegativesTests
{
    public static TheoryData<string> GoodText =>
    [
        // German, French, Polish, Turkish, Portuguese, Czech, Icelandic names and words
        "Çağlar Gülçehre, Jürgen Schmidhuber and Sepp Hochreiter (Technische Universität München)",
        "Straße, Maß«, Größe, Äpfel, Übermaß: »Anführungszeichen« und „Zitat“",
        "déjà vu, naïve, pâte, château, l'âme, théâtre, Noël, Zoë, coïncidence, être, « bientôt »",
        "Łukasz Kaiser, Wojciech Świrszcz, Michał Żółć, Grzegorz Chrząszcz",
        "İstanbul, Işık, ağaç, şeker, öğrenci, çiçek",
        "São Paulo, ação, coração, não, João, Conceição",
        "Dvořák, Černý, Þór, Guðmundsdóttir, Ångström, Øresund, Æsir",
        "Škoda, Ťažký, Ōsaka, Mañana, El Niño",
        // Greek letters and math
        "α, β, γ, η = 0.01, θ ∈ Θ, σ², μ ± σ, λ → 0, Δt, ∑_{i=1}^n x_i, ∏, ∫ f dx",
        "x ∈ ℝ, A ⊆ B, f: ℝⁿ → ℝ, x ≤ y ≥ z, a ≠ b, a ≈ b, −1, ∞, ∂L/∂w, ∇f, ⌊x⌋, ‖x‖₂",
        "The loss ℓ(θ) ≤ ε with probability 1 − δ; A⊤A is positive semi-definite.",
        // typography that is already right
        "“quoted” and ‘single’, the network’s output, pp. 315–323, A−1, Wk ∼ N(0, I), • item, 3 × 3",
        // URLs, code, LaTeX
        "https://arxiv.org/abs/1511.07289?x=1&y=2#sec-3 and mailto:someone@example.org",
        "for (int i = 0; i < n; i++) { sum += a[i] * b[i]; } // O(n) -- see `dot()`",
        "\\begin{equation} \\mathcal{L} = -\\sum_i y_i \\log \\hat{y}_i \\end{equation} ``quotes'' ~\\cite{he2016}",
        "$x^{-1}$, $\\alpha$-divergence, \\'{e}, \\\"{u}, \\c{c}",
        // real hyphenated words and dashes that are not line breaks
        "state-of-the-art, pre-trained, fine-tuned, end-to-end, item-to-item, e-commerce, x-axis",
        "pre- and post-training, first- or second-order, 1-5, a - b, -- option, - item",
        // non-Latin scripts
        "Привет, мир. 你好，世界。 こんにちは。 مرحبا بالعالم. שלום. नमस्ते",
        "emoji 👍🏽 and 👨‍👩‍👧 family",
        // tabs and newlines are kept
        "col1\tcol2\r\nline two\n",
    ];

    [Theory]
    [MemberData(nameof(GoodText))]
    public void Leaves_good_text_untouched(string text)
    {
        var result = new TextNormalizer().Normalize(text);

        result.Text.Should().BeSameAs(text);
        result.Fixes.Should().BeEmpty();
        result.Undecided.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(GoodText))]
    public void Leaves_good_text_untouched_with_scitldr_marker_removal_on(string text)
    {
        var normalizer = new TextNormalizer(TextNormalizerOptions.Default with { RemoveSciTldrMarkers = true });

        normalizer.Normalize(text).Text.Should().Be(text);
    }
}
