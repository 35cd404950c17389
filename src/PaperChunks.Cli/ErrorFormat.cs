namespace PaperChunks.Cli;

/// <summary>How errors are printed (<c>--error-format</c>).</summary>
internal enum ErrorFormat
{
    /// <summary><c>paperchunks: file:line:column: message</c>, for people.</summary>
    Text,

    /// <summary>MSBuild's canonical <c>file(line,column): error PC1001: message</c>, which MSBuild's Exec task, IDEs and CI logs turn into located errors.</summary>
    MsBuild,
}
