using Xunit;

namespace PaperChunks.Tests.Robustness;

/// <summary>A fact that needs <c>/bin/sh</c> (for <c>ulimit</c>): skipped, never passed, where there is none.</summary>
internal sealed class PosixShellFactAttribute : FactAttribute
{
    public PosixShellFactAttribute()
    {
        if (!File.Exists("/bin/sh"))
        {
            Skip = "needs /bin/sh to set ulimit";
        }
    }
}
