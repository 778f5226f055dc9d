using System.Security.Cryptography;
using System.Text;

namespace QuyCheWorkflow.Durable;

/// <summary>Name-based UUID version 5 (RFC 4122 §4.3), the way durabletask derives replay-safe GUIDs.</summary>
internal static class DeterministicGuid
{
    // The namespace durabletask uses for orchestration GUIDs, so ids line up with what Durable Functions produces.
    private static readonly Guid s_namespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name)
    {
        var namespaceBytes = s_namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, namespaceBytes.Length);
#pragma warning disable CA5350 // UUIDv5 is defined over SHA-1; it names, it does not protect.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
