using System.Text.Json.Serialization;

namespace PaperChunks.Records;

/// <summary>
/// The JSON contracts of the only two types the library hands to <see cref="System.Text.Json.JsonSerializer"/>
/// whole, a string and a string array, made by the source generator: the reflection-based overloads need code
/// generated at run time, which a NativeAOT build of the tool cannot do. A call site that writes with an encoder of
/// its own makes its own instance, <c>new StringJsonContext(new JsonSerializerOptions { Encoder = … })</c>, and
/// passes its <c>String</c> or <c>StringArray</c>; <c>Default</c> has the default options.
/// </summary>
/// <remarks>In Records because every layer (Records, Formats, Text) reads or writes such JSON.</remarks>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StringJsonContext : JsonSerializerContext;
