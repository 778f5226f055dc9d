namespace QuyCheWorkflow.Domain.Tests;

public sealed class OrganisationTreeTests
{
    private static readonly OrganisationTree s_tree = OrganisationTree.From(
    [
        new OrganisationBuilder().WithId("tu").WithCode("TU").WithParent(null).Build(),
        new OrganisationBuilder().WithId("duk").WithCode("ĐUK").WithParent("tu").Build(),
        new OrganisationBuilder().WithId("du-cty").WithCode("ĐU").WithParent("duk").Build(),
        new OrganisationBuilder().WithId("cb-1").WithCode("CB").WithParent("du-cty").Build(),
        new OrganisationBuilder().WithId("hu").WithCode("HU").WithParent("tu").Build(),
    ]);

    [Theory]
    [InlineData("cb-1", "tu", true)]
    [InlineData("cb-1", "duk", true)]
    [InlineData("duk", "duk", true)]
    [InlineData("hu", "duk", false)]
    [InlineData("duk", "cb-1", false)]
    public void IsInSubtree_GivenParentLinks_FollowsAncestors(string id, string rootId, bool expected)
    {
        bool inSubtree = s_tree.IsInSubtree(id, rootId);

        Assert.Equal(expected, inSubtree);
    }

    [Fact]
    public void Subtree_MiddleNode_ListsItselfAndDescendants()
    {
        IReadOnlyList<string> subtree = s_tree.Subtree("duk");

        Assert.Equal(["cb-1", "du-cty", "duk"], subtree);
    }

    [Fact]
    public void Constructor_Cycle_Throws()
    {
        KeyValuePair<string, string?>[] links = [new("a", "b"), new("b", "c"), new("c", "a")];

        Assert.Throws<DomainException>(() => new OrganisationTree(links));
    }

    [Fact]
    public void Constructor_UnknownParent_Throws()
    {
        KeyValuePair<string, string?>[] links = [new("a", null), new("b", "x")];

        Assert.Throws<DomainException>(() => new OrganisationTree(links));
    }
}
