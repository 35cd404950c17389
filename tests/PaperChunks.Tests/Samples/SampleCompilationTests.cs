using System.Collections.Immutable;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Xunit;

namespace PaperChunks.Tests.Samples;

/// <summary>
/// Every sample in samples/ compiles against the library as it is now: file-based apps (<c>dotnet run
/// file.cs</c>) as top-level programs, dotnet-script files (<c>.csx</c>) with the scripting compiler.
/// Package and project directives are resolved to the library under test.
/// </summary>
public class SampleCompilationTests
{
    private static string SampleFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "sample-code");

    public static TheoryData<string> FileBasedApps() => Files("*.cs");

    public static TheoryData<string> Scripts() => Files("*.csx");

    [Theory]
    [MemberData(nameof(FileBasedApps))]
    public void File_based_app_compiles(string name)
    {
        var source = File.ReadAllText(Path.Combine(SampleFolder, name));
        source.Should().MatchRegex(@"#:(project|package) ", "a file-based app names the library it uses");

        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(name),
            [
                CSharpSyntaxTree.ParseText(WithoutDirectives(source, "#:"), parse),
                CSharpSyntaxTree.ParseText(ImplicitUsings, parse),
            ],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        Errors(compilation.GetDiagnostics()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_compiles(string name)
    {
        var source = File.ReadAllText(Path.Combine(SampleFolder, name));
        source.Should().Contain("#r \"nuget: PaperChunks", "a script references the library package");

        var script = CSharpScript.Create(
            WithoutDirectives(source, "#r \"nuget:"),
            ScriptOptions.Default.WithReferences(References()).WithImports("System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks"),
            globalsType: typeof(DotnetScriptGlobals));

        Errors(script.Compile()).Should().BeEmpty();
    }

    // What the SDK's implicit usings give a file-based app.
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; "
        + "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static TheoryData<string> Files(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SampleFolder, pattern).Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    // The directive lines stay as blank lines so that error positions match the file.
    private static string WithoutDirectives(string source, string prefix) =>
        string.Join('\n', source.Split('\n').Select(l => l.TrimStart().StartsWith(prefix, StringComparison.Ordinal) || l.StartsWith("#!", StringComparison.Ordinal) ? "" : l));

    private static IEnumerable<MetadataReference> References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var library = typeof(PaperChunks.Records.ChunkRecord).Assembly.Location;
        var dependencies = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f) is "Parquet.dll" or "CsvHelper.dll" or "ZstdSharp.dll");
        return framework.Append(library).Concat(dependencies).Distinct().Select(p => MetadataReference.CreateFromFile(p));
    }

    private static List<string> Errors(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

    /// <summary>The globals dotnet-script gives a script: its command-line arguments.</summary>
    public sealed class DotnetScriptGlobals
    {
        public IList<string> Args { get; } = [];
    }
}
