using System.Reflection;
using System.Reflection.Emit;
using FluentAssertions;
using Xunit;

namespace PaperChunks.Tests;

/// <summary>
/// The library's namespaces depend one way: Records &lt;- Formats (with the root namespace's options and
/// exceptions) &lt;- Text, Reassembly, Statistics &lt;- Conversion. Read from the compiled assembly: every
/// type a type's signatures, fields and method bodies use, so a fully qualified name cannot slip past.
/// </summary>
public class LayeringTests
{
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["Records"] = ["Records"],
        ["Formats"] = ["Records", "Formats"],
        ["Text"] = ["Records", "Formats", "Text"],
        ["Reassembly"] = ["Records", "Formats", "Reassembly"],
        ["Statistics"] = ["Records", "Formats", "Statistics"],
        ["Conversion"] = ["Records", "Formats", "Text", "Reassembly", "Statistics", "Conversion"],
    };

    [Fact]
    public void Every_namespace_uses_only_the_layers_below_it()
    {
        var library = typeof(PaperChunksException).Assembly;
        var wrong = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in library.GetTypes())
        {
            var from = LayerOf(type);
            if (from is null || !s_allowed.TryGetValue(from, out var allowed))
            {
                continue;
            }

            foreach (var used in Used(type))
            {
                if (used.Assembly == library && LayerOf(used) is { } to && !allowed.Contains(to))
                {
                    wrong.Add($"{Outer(type).FullName} ({from}) uses {Outer(used).FullName} ({to})");
                }
            }
        }

        wrong.Should().BeEmpty();
    }

    [Fact]
    public void Text_opens_no_files()
    {
        var library = typeof(PaperChunksException).Assembly;
        var opening = library.GetTypes()
            .Where(t => LayerOf(t) == "Text")
            .SelectMany(t => Used(t).Select(u => (t, u)))
            .Where(p => p.u.FullName is "PaperChunks.Formats.PaperChunksReader" or "System.IO.File" or "System.IO.FileStream")
            .Select(p => $"{Outer(p.t).FullName} uses {p.u.FullName}")
            .Distinct();

        opening.Should().BeEmpty();
    }

    // The root namespace (options, exceptions, ErrorPolicy) sits with Formats: its options name the formats' settings.
    private static string? LayerOf(Type type)
    {
        var ns = Outer(type).Namespace;
        if (ns == "PaperChunks")
        {
            return "Formats";
        }

        return ns is not null && ns.StartsWith("PaperChunks.", StringComparison.Ordinal) ? ns.Split('.')[1] : null;
    }

    private static Type Outer(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static List<Type> Used(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            found.Add(t);
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(all)) Add(f.FieldType);
        foreach (var p in type.GetProperties(all)) Add(p.PropertyType);
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo m) Add(m.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
            foreach (var t in BodyTypes(method)) Add(t);
        }

        return found;
    }

    private static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    // Walks the IL and resolves every type, method and field token it names.
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            var code = il[i] == 0xFE ? s_opCodes[(short)(0xFE00 | il[i + 1])] : s_opCodes[il[i]];
            i += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArgs, methodArgs);
                    }
                    catch (ArgumentException)
                    {
                    }

                    if (member is Type t) yield return t;
                    else if (member?.DeclaringType is { } owner) yield return owner;
                    if (member is FieldInfo f) yield return f.FieldType;
                    if (member is MethodInfo mi) yield return mi.ReturnType;
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
