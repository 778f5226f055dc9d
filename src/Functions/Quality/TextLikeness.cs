namespace QuyCheWorkflow.Functions.Quality;

/// <summary>How alike a regulation's current text is to the previous term's regulation and to the model.</summary>
/// <param name="PreviousTerm">Against the previous term's issued regulation.</param>
/// <param name="Model">Against the model regulation of the organisation's type.</param>
/// <param name="IsCopiedFromPreviousTerm">True when <paramref name="PreviousTerm"/> was measured at or above the upper level's threshold.</param>
public sealed record TextLikeness(LikenessFigure PreviousTerm, LikenessFigure Model, bool IsCopiedFromPreviousTerm);
