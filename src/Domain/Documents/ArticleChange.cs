namespace QuyCheWorkflow.Domain.Documents;

/// <summary>What became of one article between a reference text and a draft.</summary>
public enum ArticleChange
{
    /// <summary>The draft has the article word for word (its number may differ).</summary>
    Unchanged,

    /// <summary>The draft has the article with other words.</summary>
    Changed,

    /// <summary>The article is in the draft only.</summary>
    New,

    /// <summary>The article is in the reference text only.</summary>
    Removed,
}
