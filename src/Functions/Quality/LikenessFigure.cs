using System.Globalization;

namespace QuyCheWorkflow.Functions.Quality;

/// <summary>How alike a regulation's text is to one reference text, as the status row keeps it.</summary>
/// <param name="Kind">Whether it was measured, and if not why.</param>
/// <param name="Percent">The whole texts' similarity, 0–100, when <see cref="LikenessKind.Measured"/>; else null.</param>
// WARNING: stored as JSON in status rows; renaming a member breaks rows already stored.
public sealed record LikenessFigure(LikenessKind Kind, int? Percent)
{
    /// <summary>Nothing to compare with.</summary>
    public static LikenessFigure NoReference { get; } = new(LikenessKind.NoReference, null);

    /// <summary>"94 %", "bản quét" (a scan, no text layer), "không có văn bản đối chiếu" …, as pages show it.</summary>
    public string Label => Kind switch
    {
        LikenessKind.Measured => string.Create(CultureInfo.InvariantCulture, $"{Percent} %"),
        LikenessKind.Scanned => "bản quét, không có lớp chữ",
        LikenessKind.ReferenceScanned => "văn bản đối chiếu là bản quét, không có lớp chữ",
        LikenessKind.NoReference => "không có văn bản đối chiếu",
        _ => "không đọc được tệp",
    };
}
