using System.Text;

namespace PaperChunks.Tests.Text;

/// <summary>
/// Real strings (author names from the seeds and from arXiv, words and sentences) in the languages the issue
/// names, and the mojibake each becomes when its UTF-8 bytes are decoded through a wrong code page, once or
/// in layers. <see cref="Tuning"/> was looked at while the score weights were set; <see cref="HeldOut"/> was
/// written afterwards and only measured.
/// </summary>
internal static class MojibakeCorpus
{
    public static readonly string[] Tuning =
    [
        // Czech, Polish, Turkish, Vietnamese
        "Tomáš Mikolov", "Ondřej Dušek", "Jiří Matas", "Lukáš Burget", "třetího", "Čeština",
        "Łukasz Kaiser", "Wojciech Zaremba", "Michał Żółć", "Grzegorz Chrząszcz", "Paweł Świętojański",
        "Çağlar Gülçehre", "Kemal Oflazer", "Deniz Yüret", "İstanbul Işık öğrenci",
        "Nguyễn Thị Minh Khai", "Tại sao giá hạt sầu riêng lại lên giá?", "Trần Hưng Đạo",
        // Russian, Greek, Finnish
        "дороге", "правильное питание", "Андрей Карпатый", "Юрген Шмидхубер",
        "Γιώργος Παπαδόπουλος", "Αθήνα", "μηχανική μάθηση",
        "SELKÄ EDELLÄ", "Hyvää päivää", "Väisänen, Jyväskylä",
        // French, German
        "Liège Avenue de l'Hôpital", "Hôtel de Police", "à perturber", "déjà vu", "Léon Bottou", "François Chollet",
        "Jürgen Schmidhuber", "Technische Universität München", "gâteaux", "weiß", "Straße",
        // CJK, emoji, math, typography
        "机器学习", "東京大学", "한국어", "😍", "👍🏽 great", "x ∈ ℝ, ∑ xᵢ ≤ ∞", "3×3 kernels", "doesn’t", "“quoted”", "pp. 315–323",
    ];

    public static readonly string[] HeldOut =
    [
        "Bohuslav Martinů", "Petr Šimánek", "Žaneta Čermáková", "příliš žluťoučký kůň",
        "Krzysztof Łęgowski", "Agnieszka Wróblewska", "zażółć gęślą jaźń",
        "Barış Özcan", "Şükrü Çelik", "Ayşegül Ünal",
        "Phạm Văn Đồng", "Lê Quý Đôn", "Hồ Chí Minh",
        "Дмитрий Ветров", "нейронные сети", "Сергей Иоффе",
        "Κωνσταντίνος Δασκαλάκης", "Ελλάδα", "Άρης Φιλίππου",
        "Aapo Hyvärinen", "Mikko Häkkinen", "Tuomas Sandholm ja Äänekoski",
        "Stéphane Mallat", "Gaël Varoquaux", "Hervé Jégou", "Cédric Villani",
        "Bernhard Schölkopf", "Matthias Bethge, Tübingen", "Klaus-Robert Müller",
        "深度学习", "清华大学", "日本語の文章", "자연어 처리", "🚀 launch 🎉", "∂L/∂θ ≈ 0", "α → β ⇒ γ",
    ];

    /// <summary>
    /// Written in session 3 (2026-12-02) after every weight was set, measured once and never used to change the
    /// score: the held-out set the measure asks for (<see cref="HeldOut"/>'s failures were looked at).
    /// </summary>
    public static readonly string[] Unseen =
    [
        "Jan Šedivý", "Karel Čapek", "Vojtěch Jarník", "Zdeněk Kalal", "Radim Řehůřek", "Petr Baudiš", "Ondřej Bojar",
        "Piotr Miłoś", "Łukasz Dębowski", "Przemysław Biecek", "Szymon Łukasik",
        "Gözde Gül Şahin", "Barış Akgün", "Gökberk Cinbiş",
        "Lê Viết Quốc", "Nguyễn Thanh Tùng", "Đỗ Văn Mạnh",
        "Иван Оселедец", "Евгений Бурнаев", "обучение с подкреплением",
        "Ιωάννης Μητλιάγκας", "βαθιά μάθηση",
        "Jyväskylän yliopisto", "Mäkelä ja Häkkinen",
        "Rémi Munos", "Émilie Kaufmann", "réseaux de neurones profonds",
        "Jörg Lücke", "Björn Ommer", "Universität Tübingen",
        "自然语言处理", "機械学習の研究", "한국어 자연어 처리",
        "🤗 Transformers", "∀x ∈ ℝ: ‖x‖ ≥ 0", "naïve Bayes — “quoted” ‘text’ …",
    ];

    /// <summary>The code pages UTF-8 is mis-decoded with, and how many layers each is applied in.</summary>
    public static IEnumerable<(string Name, Func<string, string> Damage)> Mixups()
    {
        foreach (var (name, codePage) in new[] { ("Windows-1252", 1252), ("Windows-1250", 1250), ("Windows-1251", 1251), ("MacRoman", 10000), ("CP437", 437) })
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage)!;
            string Once(string s) => encoding.GetString(Encoding.UTF8.GetBytes(s));
            yield return (name, Once);
            if (codePage is 1252 or 1250 or 1251)
                yield return (name + " twice", s => Once(Once(s)));
        }
        var latin1 = Encoding.Latin1;
        yield return ("Latin-1", s => latin1.GetString(Encoding.UTF8.GetBytes(s)));
        yield return ("Windows-1252 three times", s =>
        {
            var w = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
            for (var k = 0; k < 3; k++) s = w.GetString(Encoding.UTF8.GetBytes(s));
            return s;
        });
        yield return ("CESU-8 emoji as Windows-1252", s => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(Cesu8(s)));
    }

    // CESU-8: each UTF-16 surrogate encoded on its own as a three-byte sequence.
    private static byte[] Cesu8(string s)
    {
        var bytes = new List<byte>();
        foreach (var c in s)
        {
            if (char.IsSurrogate(c))
                bytes.AddRange([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            else
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return [.. bytes];
    }
}
