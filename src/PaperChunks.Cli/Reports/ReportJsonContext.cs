using System.Text.Json.Serialization;

namespace PaperChunks.Cli.Reports;

/// <summary>
/// The source-generated serializers of every <c>--report json</c> shape: no reflection, so the tool runs the same
/// as a NativeAOT executable (docs/scale-out.md, worker images). The options (snake_case, indented, relaxed
/// escaping) come from <see cref="JsonReport"/>.
/// </summary>
[JsonSerializable(typeof(FailureJson))]
[JsonSerializable(typeof(DetectJson))]
[JsonSerializable(typeof(ValidateJson))]
[JsonSerializable(typeof(StatsJson))]
[JsonSerializable(typeof(ConvertJson))]
[JsonSerializable(typeof(ConvertInputJson))]
[JsonSerializable(typeof(NormalizeJson))]
[JsonSerializable(typeof(ReassembleJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
