namespace QuyCheWorkflow.Domain.Documents;

/// <summary>One article (<i>Điều</i>) of a regulation's text, as <see cref="RegulationText.Parse"/> found it.</summary>
/// <param name="Number">The number in its heading ("Điều 3." is 3).</param>
/// <param name="Heading">The heading line, normalised ("Điều 3. Nhiệm vụ của Ban Thường vụ").</param>
/// <param name="Body">What the article says without its number: the heading's title, then its lines, joined by line feeds.</param>
public sealed record Article(int Number, string Heading, string Body);
